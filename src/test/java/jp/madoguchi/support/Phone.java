package jp.madoguchi.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A phone's browser without JavaScript, over plain HTTP: it keeps its cookies, follows
 * redirects, and sends forms with the CSRF token of the last page it loaded.
 */
public final class Phone {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final int port;

	private final String language;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http;

	private String csrf;

	public Phone(int port, String language) {
		this.port = port;
		this.language = language;
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	/** Loads a page with extra request headers. */
	public Page get(String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		headers.forEach(request::header);
		return send(request);
	}

	/** The value of a cookie this client holds, or null. */
	public String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	/** Sends a form without the page's CSRF token (as a forged or stale form would). */
	public Page submitWithoutToken(String path, Map<String, String> fields) {
		String saved = this.csrf;
		this.csrf = null;
		try {
			return submit(path, fields);
		}
		finally {
			this.csrf = saved;
		}
	}

	/** Signs a staff member in with the sign-in form. */
	public Page signIn(String username, String password) {
		get("/staff/login");
		return submit("/staff/login", Map.of("username", username, "password", password));
	}

	/** Sends a form of the last page loaded. */
	public Page submit(String path, Map<String, String> fields) {
		Map<String, String> form = new LinkedHashMap<>(fields);
		if (this.csrf != null) {
			form.put("_csrf", this.csrf);
		}
		String body = form.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.header("Accept-Language", this.language).build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher matcher = CSRF.matcher(response.body());
			if (matcher.find()) {
				this.csrf = matcher.group(1);
			}
			return new Page(response.statusCode(),
					response.uri().getPath()
							+ ((response.uri().getQuery() != null) ? "?" + response.uri().getQuery() : ""),
					response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** A page as loaded: status, where it ended up after redirects, and its HTML. */
	public record Page(int status, String path, String html) {

		/** The value of a hidden field of the page's form. */
		public String hidden(String name) {
			Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(this.html);
			if (!matcher.find()) {
				throw new IllegalStateException("No field " + name + " on " + this.path);
			}
			return matcher.group(1);
		}

		/** The ticket id in a ticket page's path. */
		public String ticketId() {
			Matcher matcher = Pattern.compile("/tickets/([0-9a-f-]{36})").matcher(this.path);
			if (!matcher.find()) {
				throw new IllegalStateException("Not a ticket page: " + this.path + "\n" + this.html);
			}
			return matcher.group(1);
		}

	}

}
