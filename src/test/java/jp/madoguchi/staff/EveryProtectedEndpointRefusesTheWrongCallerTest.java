package jp.madoguchi.staff;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.support.AppTest;
import jp.madoguchi.support.H2;
import jp.madoguchi.support.Phone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every staff, administrator and device endpoint and page the application maps
 * (read from Spring MVC, so a new one is walked too) and proves that the public and the
 * wrong role are refused: pages send the public to sign in, the API answers 401 or 403, a
 * display cannot open the kiosk nor a kiosk the display, a clerk cannot administer.
 */
@ContextConfiguration(initializers = H2.class)
class EveryProtectedEndpointRefusesTheWrongCallerTest extends AppTest {

	private static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z]+)(:[^}]*)?}");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private Devices devices;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private String display;

	private String kiosk;

	@BeforeEach
	void devicesAndAClerk() {
		this.clock.nextWeekday();
		this.display = this.devices.register(KONAN, DeviceKind.DISPLAY, "walk display").token();
		this.kiosk = this.devices.register(KONAN, DeviceKind.KIOSK, "walk kiosk").token();
	}

	@Test
	void thePublicIsRefusedEverywhere() throws Exception {
		List<String> walked = new ArrayList<>();
		for (Endpoint endpoint : protectedEndpoints()) {
			HttpResponse<String> answer = send(endpoint, Map.of(), null);
			walked.add(endpoint + " -> " + answer.statusCode());
			if (endpoint.isStaffPage()) {
				assertThat(answer.statusCode()).as(endpoint.toString()).isEqualTo(302);
				assertThat(answer.headers().firstValue("Location").orElse("")).as(endpoint.toString())
					.contains("/staff/login");
			}
			else {
				assertThat(answer.statusCode()).as(endpoint.toString()).isIn(401, 403);
				assertThat(answer.body()).as(endpoint.toString()).doesNotContain("ticket-number", "data-live-url");
			}
		}
		assertThat(walked).as("the walk found the floor's pages and the staff API").hasSizeGreaterThan(30);
	}

	@Test
	void clerksAndManagersCannotAdministerAndDevicesCannotActAsStaffOrEachOther() throws Exception {
		for (StaffRole role : List.of(StaffRole.STAFF, StaffRole.MANAGER)) {
			walkAs(role);
		}
	}

	private void walkAs(StaffRole role) throws Exception {
		String clerk = role.name().toLowerCase(java.util.Locale.ROOT) + "-"
				+ UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(clerk, "a-long-walk-password", KONAN, role);
		Phone browser = new Phone(this.port, "ja");
		browser.signIn(clerk, "a-long-walk-password");
		Phone.Page home = browser.get("/staff");
		String session = "mdg_staff=" + browser.cookie("mdg_staff");
		String csrf = home.hidden("_csrf");
		int checked = 0;
		for (Endpoint endpoint : protectedEndpoints()) {
			if (endpoint.path().startsWith("/admin") || endpoint.path().contains("/devices")
					|| endpoint.path().startsWith("/actuator")) {
				// the pages with the clerk's session; the API with the clerk's password
				Map<String, String> asClerk = endpoint.isStaffPage() ? Map.of("Cookie", session)
						: Map.of("Authorization", basic(clerk));
				HttpResponse<String> answer = send(endpoint, asClerk, csrf);
				assertThat(answer.statusCode()).as("a clerk: " + endpoint).isEqualTo(403);
				checked++;
			}
			if (endpoint.path().startsWith("/display") || endpoint.path().startsWith("/kiosk")) {
				String other = endpoint.path().startsWith("/display") ? this.kiosk : this.display;
				HttpResponse<String> answer = send(endpoint, Map.of("Cookie", "mdg_floor_device=" + other), null);
				assertThat(answer.statusCode()).as("the other device: " + endpoint).isIn(401, 403);
				assertThat(send(endpoint, Map.of("Cookie", session), csrf).statusCode()).as("a clerk: " + endpoint)
					.isIn(401, 403);
				checked++;
			}
			if (endpoint.path().startsWith("/counter") || endpoint.path().startsWith("/staff")
					|| endpoint.path().startsWith("/admin")) {
				for (String device : List.of(this.display, this.kiosk)) {
					HttpResponse<String> answer = send(endpoint, Map.of("Cookie", "mdg_floor_device=" + device), null);
					assertThat(answer.statusCode()).as("a device: " + endpoint).isEqualTo(302);
				}
				checked++;
			}
			if (endpoint.path().startsWith("/api/") && !endpoint.path().endsWith("/check-in-code")) {
				for (String device : List.of(this.display, this.kiosk)) {
					HttpResponse<String> answer = send(endpoint, Map.of("Authorization", "Bearer " + device), null);
					assertThat(answer.statusCode()).as("a device over the API: " + endpoint).isIn(401, 403, 404);
				}
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(30);
	}

	private static String basic(String user) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((user + ":a-long-walk-password").getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/** Every mapped path of the staff, the administrators and the devices. */
	private List<Endpoint> protectedEndpoints() {
		Set<Endpoint> endpoints = new LinkedHashSet<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			for (String pattern : info.getPatternValues()) {
				if (!isProtected(pattern)) {
					continue;
				}
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (RequestMethod verb : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					boolean takingATicket = pattern.equals("/api/v1/offices/{office}/tickets")
							&& verb == RequestMethod.POST;
					if (!takingATicket) {
						endpoints.add(new Endpoint(verb.name(), fill(pattern)));
					}
				}
			}
		});
		endpoints.add(new Endpoint("GET", "/actuator/metrics"));
		return new ArrayList<>(endpoints);
	}

	private static boolean isProtected(String pattern) {
		if (pattern.equals("/staff/login") || pattern.equals("/staff/denied")) {
			return false;
		}
		return pattern.startsWith("/staff") || pattern.startsWith("/counter") || pattern.startsWith("/admin")
				|| pattern.startsWith("/display") || pattern.startsWith("/kiosk") || pattern.contains("/counters/")
				|| pattern.contains("/devices") || pattern.endsWith("/check-in-code")
				|| pattern.equals("/api/v1/offices/{office}/tickets");
	}

	private static String fill(String pattern) {
		Matcher matcher = VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (matcher.find()) {
			String value = switch (matcher.group(1)) {
				case "office" -> "konan";
				case "counter" -> "1";
				case "division" -> "koseki";
				case "username" -> "admin";
				case "step" -> "call-next";
				case "id" -> UUID.randomUUID().toString();
				default -> throw new IllegalStateException("A path variable the walk does not know: " + pattern);
			};
			matcher.appendReplacement(path, value);
		}
		matcher.appendTail(path);
		return path.toString();
	}

	private HttpResponse<String> send(Endpoint endpoint, Map<String, String> headers, String csrf) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + endpoint.path()));
		headers.forEach(request::header);
		if (endpoint.method().equals("GET")) {
			request.GET();
		}
		else {
			String form = "action=disable&role=ADMIN&number=A-1&queue=B&reason=BREAK&office=konan&kind=DISPLAY&name=x"
					+ "&username=x&password=xxxxxxxxxxxxxxxx&procedure=certificates&key=k&scan=x&pin=0000"
					+ ((csrf != null) ? "&_csrf=" + csrf : "");
			request
				.header("Content-Type",
						endpoint.path().startsWith("/api/") ? "application/json" : "application/x-www-form-urlencoded")
				.method(endpoint.method(),
						HttpRequest.BodyPublishers.ofString(endpoint.path().startsWith("/api/") ? "{}" : form));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private record Endpoint(String method, String path) {

		boolean isStaffPage() {
			return this.path.startsWith("/staff") || this.path.startsWith("/counter") || this.path.startsWith("/admin");
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

}
