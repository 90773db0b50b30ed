package jp.madoguchi.counter.web;

import jakarta.servlet.http.HttpServletRequest;
import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.shared.MadoguchiException.Kind;
import jp.madoguchi.shared.ProblemResponses;
import jp.madoguchi.shared.web.ReaderPreferences;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A counter or office that does not exist, or belongs to another office's clerks: a staff
 * page that says so, with the way home. (Refused steps never get here: the terminal shows
 * them itself.)
 */
@ControllerAdvice(assignableTypes = CounterPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CounterErrors {

	private final ReaderPreferences preferences;

	CounterErrors(ReaderPreferences preferences) {
		this.preferences = preferences;
	}

	@ExceptionHandler(MadoguchiException.class)
	ModelAndView refused(MadoguchiException ex, HttpServletRequest request) {
		ModelAndView page = new ModelAndView("staff/error");
		this.preferences.addTo(page.getModel(), request);
		page.addObject("error", ex);
		page.setStatus(ProblemResponses.statusOf(ex.kind()));
		return page;
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ModelAndView malformed(Exception ex, HttpServletRequest request) {
		return refused(new MadoguchiException(Kind.INVALID, "admin-form-incomplete"), request);
	}

}
