package jp.madoguchi.citizen.web;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.shared.Secrets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The phone's identity for its web tickets: a random value in an HttpOnly cookie, made
 * when the phone first takes a ticket. Its tickets' pages open from it (after reloads and
 * browser restarts), and it counts for the one-ticket-per-queue rule and the limits. Only
 * its hash is stored.
 */
final class DeviceCookie {

	static final String NAME = "mdg_device";

	private static final Duration LIFETIME = Duration.ofDays(400);

	private DeviceCookie() {
	}

	/** The phone's device value, if it has one. */
	static String of(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return null;
		}
		for (Cookie cookie : request.getCookies()) {
			if (NAME.equals(cookie.getName()) && cookie.getValue().matches("[A-Za-z0-9_-]{32}")) {
				return cookie.getValue();
			}
		}
		return null;
	}

	/** The phone's device value, made and set now if it had none. */
	static String ensure(HttpServletRequest request, HttpServletResponse response) {
		String existing = of(request);
		if (existing != null) {
			return existing;
		}
		String fresh = Secrets.randomToken(24);
		response.addHeader(HttpHeaders.SET_COOKIE,
				ResponseCookie.from(NAME, fresh)
					.path("/")
					.httpOnly(true)
					.secure(request.isSecure())
					.sameSite("Lax")
					.maxAge(LIFETIME)
					.build()
					.toString());
		return fresh;
	}

}
