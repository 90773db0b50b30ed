package jp.madoguchi.shared.web;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Which language a request is answered in: the {@code lang} parameter (the switch on
 * every page, which is then remembered in a cookie), else the remembered choice, else the
 * browser's {@code Accept-Language}, else Japanese.
 */
public class LanguageResolver implements LocaleResolver {

	/** The cookie remembering the reader's choice. */
	public static final String COOKIE = "mdg_lang";

	private static final String RESOLVED = LanguageResolver.class.getName() + ".language";

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return language(request).locale();
	}

	/** The request's language, remembering a choice made with {@code ?lang=}. */
	public static Language language(HttpServletRequest request) {
		Object resolved = request.getAttribute(RESOLVED);
		if (resolved instanceof Language language) {
			return language;
		}
		Language language = fromParameter(request);
		if (language == null) {
			language = fromCookie(request);
		}
		if (language == null) {
			language = fromAcceptLanguage(request);
		}
		request.setAttribute(RESOLVED, language);
		return language;
	}

	private static Language fromParameter(HttpServletRequest request) {
		String code = request.getParameter("lang");
		return (code != null) ? Language.ofCode(code).orElse(null) : null;
	}

	private static Language fromCookie(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return null;
		}
		for (Cookie cookie : request.getCookies()) {
			if (COOKIE.equals(cookie.getName())) {
				return Language.ofCode(cookie.getValue()).orElse(null);
			}
		}
		return null;
	}

	private static Language fromAcceptLanguage(HttpServletRequest request) {
		if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
			return Language.JA;
		}
		for (Locale locale : Collections.list(request.getLocales())) {
			Language language = Language.of(locale);
			if (language != Language.JA || "ja".equals(locale.getLanguage())) {
				return language;
			}
		}
		return Language.JA;
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		remember(request, response, Language.of(locale));
	}

	/** Keeps a language choice. */
	public static void remember(HttpServletRequest request, HttpServletResponse response, Language language) {
		request.setAttribute(RESOLVED, language);
		rememberChoice(request, response, COOKIE, language.code());
	}

	/** Keeps one of the reader's choices (no secret) in a cookie for a year. */
	static void rememberChoice(HttpServletRequest request, HttpServletResponse response, String name, String value) {
		response.addHeader(HttpHeaders.SET_COOKIE,
				ResponseCookie.from(name, value)
					.path("/")
					.maxAge(Duration.ofDays(365))
					.sameSite("Lax")
					.secure(request.isSecure())
					.build()
					.toString());
	}

}
