package jp.madoguchi.citizen.web;

import jakarta.servlet.http.HttpServletRequest;
import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.shared.MadoguchiException.Kind;
import jp.madoguchi.shared.ProblemResponses;
import jp.madoguchi.shared.web.ReaderPreferences;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal on a citizen page is a page that says what happened and what to do, in the
 * reader's language — never a stack trace or JSON.
 */
@ControllerAdvice(assignableTypes = { OfficePages.class, TakeTicketPages.class, TicketPages.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class CitizenErrors {

	private final ReaderPreferences preferences;

	CitizenErrors(ReaderPreferences preferences) {
		this.preferences = preferences;
	}

	@ExceptionHandler(MadoguchiException.class)
	ModelAndView refused(MadoguchiException ex, HttpServletRequest request) {
		ModelAndView page = new ModelAndView("citizen/error");
		this.preferences.addTo(page.getModel(), request);
		page.addObject("error", ex);
		page.setStatus(ProblemResponses.statusOf(ex.kind()));
		return page;
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView malformed(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		return refused(new MadoguchiException(Kind.NOT_FOUND, "page-not-found"), request);
	}

}
