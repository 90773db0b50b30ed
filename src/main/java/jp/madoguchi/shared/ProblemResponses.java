package jp.madoguchi.shared;

import java.net.URI;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import jp.madoguchi.shared.web.PlainMessages;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal into {@code application/problem+json} with a message in the
 * caller's language (Japanese unless {@code Accept-Language} asks for English). Framework
 * errors (malformed JSON, wrong method, unknown path) get their text from
 * {@code problemDetail.<exception>} keys in the message files.
 */
@RestControllerAdvice
public final class ProblemResponses extends ResponseEntityExceptionHandler {

	private static final Log logger = LogFactory.getLog(ProblemResponses.class);

	private final MessageSource messages;

	public ProblemResponses(MessageSource messages) {
		this.messages = new PlainMessages(messages);
		setMessageSource(this.messages);
	}

	@ExceptionHandler(MadoguchiException.class)
	ResponseEntity<Object> refused(MadoguchiException ex, WebRequest request) {
		HttpStatus status = statusOf(ex.kind());
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				this.messages.getMessage("problem." + ex.code(), ex.args(), ex.code(), locale));
		problem
			.setTitle(this.messages.getMessage("problem.title." + ex.kind(), null, status.getReasonPhrase(), locale));
		problem.setType(typeOf(ex.code()));
		problem.setProperty("code", ex.code());
		return handleExceptionInternal(ex, problem, problemHeaders(), status, request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		logger.error("Unexpected error", ex);
		HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				this.messages.getMessage("problem.internal", null, LocaleContextHolder.getLocale()));
		problem.setType(typeOf("internal"));
		problem.setProperty("code", "internal");
		return handleExceptionInternal(ex, problem, problemHeaders(), status, request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response == null || !(response.getBody() instanceof ProblemDetail problem)) {
			return response;
		}
		if (problem.getTitle() == null
				|| problem.getTitle().equals(HttpStatus.valueOf(problem.getStatus()).getReasonPhrase())) {
			problem.setTitle(this.messages.getMessage("problem.title.status." + problem.getStatus(), null,
					problem.getTitle(), LocaleContextHolder.getLocale()));
		}
		HttpHeaders problemHeaders = new HttpHeaders();
		problemHeaders.putAll(response.getHeaders());
		problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		problemHeaders.set(HttpHeaders.CONTENT_LANGUAGE, LocaleContextHolder.getLocale().getLanguage());
		return new ResponseEntity<>(response.getBody(), problemHeaders, response.getStatusCode());
	}

	private static HttpHeaders problemHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return headers;
	}

	public static URI typeOf(String code) {
		return URI.create("urn:madoguchi:problem:" + code);
	}

	/** The HTTP status of a refusal of this kind, for the API and the pages alike. */
	public static HttpStatus statusOf(MadoguchiException.Kind kind) {
		return switch (kind) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
			case CONFLICT -> HttpStatus.CONFLICT;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case UNAVAILABLE -> HttpStatus.CONFLICT;
			case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
		};
	}

}
