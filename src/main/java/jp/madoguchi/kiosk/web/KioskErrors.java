package jp.madoguchi.kiosk.web;

import jakarta.servlet.http.HttpServletRequest;
import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.shared.MadoguchiException.Kind;
import jp.madoguchi.shared.ProblemResponses;
import jp.madoguchi.shared.web.ReaderPreferences;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal at the kiosk is a screen that says what happened and what to do, with a
 * button back to the start; a browser that is not a registered kiosk is told so.
 */
@ControllerAdvice(assignableTypes = KioskPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class KioskErrors {

	private final ReaderPreferences preferences;

	KioskErrors(ReaderPreferences preferences) {
		this.preferences = preferences;
	}

	@ExceptionHandler(MadoguchiException.class)
	ModelAndView refused(MadoguchiException ex, HttpServletRequest request) {
		boolean unregistered = ex.code().equals("device-not-registered");
		ModelAndView page = new ModelAndView(unregistered ? "staff/unregistered" : "kiosk/error");
		this.preferences.addTo(page.getModel(), request);
		page.addObject("error", ex);
		page.addObject("officeId", request.getRequestURI().split("/")[2]);
		page.setStatus(unregistered ? HttpStatus.UNAUTHORIZED : ProblemResponses.statusOf(ex.kind()));
		return page;
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ModelAndView malformed(Exception ex, HttpServletRequest request) {
		return refused(new MadoguchiException(Kind.INVALID, "kiosk-scan-unknown"), request);
	}

}
