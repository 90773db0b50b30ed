package jp.madoguchi.staff.web;

import jp.madoguchi.shared.MadoguchiException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A refused administration step comes back to the administration page with its reason
 * (after a redirect, so that reloading does not send it again).
 */
@ControllerAdvice(assignableTypes = AdminPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaffErrors {

	private final MessageSource messages;

	StaffErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(MadoguchiException.class)
	String refused(MadoguchiException ex, RedirectAttributes redirect) {
		redirect.addFlashAttribute("refusal", this.messages.getMessage("problem." + ex.code(), ex.args(), ex.code(),
				LocaleContextHolder.getLocale()));
		return "redirect:/admin";
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	String malformed(Exception ex, RedirectAttributes redirect) {
		return refused(new MadoguchiException(MadoguchiException.Kind.INVALID, "admin-form-incomplete"), redirect);
	}

}
