package jp.madoguchi.shared.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The reader's choices on every page — language and furigana — remembered in cookies, and
 * offered to the templates: {@code lang}, {@code languages}, {@code furigana}, and
 * {@code switchTo(…)} links that keep the reader on the same page.
 */
@ControllerAdvice(annotations = HtmlPages.class)
public class ReaderPreferences implements HandlerInterceptor {

	/** The cookie that remembers furigana switched off. */
	public static final String FURIGANA_COOKIE = "mdg_furigana";

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String lang = request.getParameter("lang");
		if (lang != null) {
			Language.ofCode(lang).ifPresent((language) -> LanguageResolver.remember(request, response, language));
		}
		String furigana = request.getParameter("furigana");
		if ("on".equals(furigana) || "off".equals(furigana)) {
			request.setAttribute(FURIGANA_COOKIE, furigana);
			LanguageResolver.rememberChoice(request, response, FURIGANA_COOKIE, furigana);
		}
		return true;
	}

	/**
	 * Adds what every page's header needs to a model made outside a handler (an exception
	 * handler's view gets no model attributes of its own).
	 */
	public void addTo(Map<String, Object> model, HttpServletRequest request) {
		model.put("lang", language(request));
		model.put("languages", languages());
		model.put("furigana", furigana(request));
		model.put("here", here(request));
	}

	@ModelAttribute("lang")
	Language language(HttpServletRequest request) {
		return LanguageResolver.language(request);
	}

	@ModelAttribute("languages")
	List<Language> languages() {
		return List.of(Language.values());
	}

	/** Whether furigana are shown (they are, unless switched off). */
	@ModelAttribute("furigana")
	boolean furigana(HttpServletRequest request) {
		Object chosen = request.getAttribute(FURIGANA_COOKIE);
		if (chosen != null) {
			return "on".equals(chosen);
		}
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (FURIGANA_COOKIE.equals(cookie.getName())) {
					return !"off".equals(cookie.getValue());
				}
			}
		}
		return true;
	}

	/** Links to this page with another language or furigana setting. */
	@ModelAttribute("here")
	Here here(HttpServletRequest request) {
		return new Here(request.getRequestURI(), request.getQueryString());
	}

	/** The current page, to build switch links from. */
	public record Here(String path, String query) {

		public String with(String parameter, String value) {
			return UriComponentsBuilder.fromPath(this.path)
				.query(this.query)
				.replaceQueryParam("lang")
				.replaceQueryParam("furigana")
				.replaceQueryParam(parameter, value)
				.build()
				.encode()
				.toUriString();
		}

	}

}
