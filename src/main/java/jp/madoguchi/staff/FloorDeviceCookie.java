package jp.madoguchi.staff;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The credential of a hall display or kiosk, kept in its browser: set when an
 * administrator registers that browser, sent with every request of its pages. HttpOnly
 * (no script reads it), SameSite=Strict, Secure over HTTPS; renewed at each visit so that
 * it outlives the browser's 400-day cap on cookies.
 */
public final class FloorDeviceCookie {

	static final String NAME = "mdg_floor_device";

	private static final Duration LIFETIME = Duration.ofDays(400);

	private FloorDeviceCookie() {
	}

	static String read(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (NAME.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	/** Stores the token in this browser. */
	public static void write(HttpServletRequest request, HttpServletResponse response, String token) {
		response.addHeader(HttpHeaders.SET_COOKIE,
				ResponseCookie.from(NAME, token)
					.httpOnly(true)
					.secure(request.isSecure())
					.sameSite("Strict")
					.path("/")
					.maxAge(LIFETIME)
					.build()
					.toString());
	}

	/**
	 * Renews the cookie the browser sent, so that a device in daily use never loses it.
	 */
	public static void renew(HttpServletRequest request, HttpServletResponse response) {
		String token = read(request);
		if (token != null) {
			write(request, response, token);
		}
	}

}
