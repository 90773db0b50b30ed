package jp.madoguchi.shared;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import jp.madoguchi.shared.web.PlainMessages;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes a problem response outside Spring MVC (in security filters), in the language the
 * request asks for, Japanese by default.
 */
@Component
public class ProblemWriter {

	private final MessageSource messages;

	private final JsonMapper json;

	ProblemWriter(MessageSource messages, JsonMapper json) {
		this.messages = new PlainMessages(messages);
		this.json = json;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
			throws IOException {
		Locale locale = localeOf(request);
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", ProblemResponses.typeOf(code).toString());
		problem.put("title", this.messages.getMessage("problem.title." + code, null, status.getReasonPhrase(), locale));
		problem.put("status", status.value());
		problem.put("detail", this.messages.getMessage("problem." + code, null, code, locale));
		problem.put("instance", request.getRequestURI());
		problem.put("code", code);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage());
		response.getWriter().write(this.json.writeValueAsString(problem));
	}

	public static Locale localeOf(HttpServletRequest request) {
		return (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null) ? request.getLocale() : Locale.JAPANESE;
	}

}
