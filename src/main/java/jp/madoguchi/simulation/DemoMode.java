package jp.madoguchi.simulation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.UUID;

import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeCatalog;
import jp.madoguchi.office.OfficeDefinition.Counter;
import jp.madoguchi.simulation.DayPlan.Person;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo mode: a simulated day played through the running application's own public and
 * staff API on loopback, so that the hall display, the counter screens and the phone
 * pages come alive for a demonstration or a staff training. People take paper tickets at
 * the "kiosk" and web tickets on their "phones", web holders come when their ticket page
 * says it is time and are checked in, walk-ins give up after a while, counters call,
 * serve and take their lunch in turn. Run it with the clock started at an opening time
 * and sped up, e.g. a day in ten minutes:
 *
 * <pre>
 * MADOGUCHI_DEMO_ENABLED=true MADOGUCHI_CLOCK_START=2026-12-01T08:45+09:00 MADOGUCHI_CLOCK_SPEED=50 ./mvnw spring-boot:run
 * </pre>
 */
@Component
@ConditionalOnProperty(name = "madoguchi.demo.enabled", havingValue = "true")
class DemoMode {

	private static final Log logger = LogFactory.getLog(DemoMode.class);

	/** How often a web holder at home looks at their ticket page, in office minutes. */
	private static final double LOOK_EVERY = 3;

	private final OfficeCatalog offices;

	private final Clock clock;

	private final JsonMapper json;

	private final String officeId;

	private final Scenario scenario;

	private final long seed;

	private final double webShare;

	private final String adminPassword;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private String base;

	DemoMode(OfficeCatalog offices, Clock clock, JsonMapper json,
			@Value("${madoguchi.demo.office:konan}") String office,
			@Value("${madoguchi.demo.scenario:WEEKDAY}") Scenario scenario,
			@Value("${madoguchi.demo.seed:1}") long seed, @Value("${madoguchi.demo.web-share:0.3}") double webShare,
			@Value("${madoguchi.admin.password:}") String adminPassword) {
		this.offices = offices;
		this.clock = clock;
		this.json = json;
		this.officeId = office;
		this.scenario = scenario;
		this.seed = seed;
		this.webShare = webShare;
		this.adminPassword = adminPassword;
	}

	@EventListener
	void start(ApplicationReadyEvent ready) {
		if (!(ready.getApplicationContext() instanceof WebServerApplicationContext web)) {
			return;
		}
		this.base = "http://127.0.0.1:" + web.getWebServer().getPort() + "/api/v1";
		if (this.adminPassword.isBlank()) {
			logger.warn("Demo mode needs MADOGUCHI_ADMIN_PASSWORD to act as the counters; not started");
			return;
		}
		Thread.ofVirtual().name("demo").start(this::play);
	}

	private void play() {
		Office office = this.offices.get(this.officeId);
		LocalDate today = LocalDate.now(this.clock.withZone(office.zone()));
		if (office.hoursOn(today).isEmpty()) {
			logger.warn("Demo mode: " + office.id() + " is closed on " + today + "; start the clock on an open day");
			return;
		}
		DayPlan plan = DayPlan.draw(office, today, this.scenario, this.seed, this.webShare);
		logger.info("Demo mode: " + plan.people.size() + " people on " + today + " at " + office.id());
		new Day(office, plan).run();
		logger.info("Demo mode: the day is over");
	}

	/**
	 * One demonstration day: its steps in office time, each done when the clock gets
	 * there.
	 */
	private final class Day {

		private final Office office;

		private final DayPlan plan;

		private final PriorityQueue<Step> steps = new PriorityQueue<>();

		private final SplittableRandom service = new SplittableRandom(DemoMode.this.seed);

		private long order;

		Day(Office office, DayPlan plan) {
			this.office = office;
			this.plan = plan;
		}

		void run() {
			for (Person person : this.plan.people) {
				at(person.takeAt(), () -> take(person));
			}
			for (Counter counter : this.office.counters()) {
				at(this.plan.open, () -> callNext(counter.id()));
			}
			while (!this.steps.isEmpty()) {
				Step step = this.steps.poll();
				if (step.at() > this.plan.close + 60) {
					return;
				}
				if (!waitUntil(step.at())) {
					return;
				}
				try {
					step.action().run();
				}
				catch (RuntimeException ex) {
					logger.debug("Demo step failed: " + ex.getMessage());
				}
			}
		}

		private void at(double minute, Runnable action) {
			this.steps.add(new Step(minute, this.order++, action));
		}

		private double now() {
			Instant now = DemoMode.this.clock.instant();
			ZoneId zone = this.office.zone();
			return Duration.between(this.plan.day.atStartOfDay(zone).toInstant(), now).toMillis() / 60000.0;
		}

		/** Sleeps until the office's clock reaches the minute; false if interrupted. */
		private boolean waitUntil(double minute) {
			while (now() < minute) {
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
			return true;
		}

		private void take(Person person) {
			String body = "{\"procedure\":\"" + person.procedure().id() + "\""
					+ (person.web() ? "" : ",\"channel\":\"kiosk\"") + "}";
			HttpResponse<String> answer = send("POST", "/offices/" + this.office.id() + "/tickets", body,
					person.web() ? null : staff(), UUID.randomUUID().toString());
			if (answer.statusCode() != 201) {
				return;
			}
			JsonNode ticket = DemoMode.this.json.readTree(answer.body());
			String id = ticket.path("id").asString();
			if (person.web()) {
				if (!person.noShow()) {
					String token = ticket.path("token").asString();
					at(now() + LOOK_EVERY, () -> lookAtPhone(person, id, token));
				}
			}
			else {
				at(now() + person.patienceMinutes(), () -> giveUp(id));
			}
		}

		/** A web holder at home reads the ticket page, and sets off when it says so. */
		private void lookAtPhone(Person person, String id, String token) {
			HttpResponse<String> answer = send("GET", "/tickets/" + id, null, "Bearer " + token, null);
			if (answer.statusCode() != 200) {
				return;
			}
			JsonNode ticket = DemoMode.this.json.readTree(answer.body());
			String state = ticket.path("state").asString();
			if (!state.equals("issued") && !state.equals("absent")) {
				return;
			}
			int minutes = ticket.path("estimate").path("minutes").asInt();
			if (minutes <= person.travelMinutes() + 10) {
				at(now() + person.travelMinutes() + Math.max(0, person.lateness()),
						() -> send("POST", "/tickets/" + id + "/check-in", "{}", staff(), null));
			}
			else {
				at(now() + LOOK_EVERY, () -> lookAtPhone(person, id, token));
			}
		}

		private void giveUp(String id) {
			HttpResponse<String> answer = send("GET", "/tickets/" + id, null, staff(), null);
			if (answer.statusCode() == 200
					&& DemoMode.this.json.readTree(answer.body()).path("state").asString().equals("waiting")) {
				send("DELETE", "/tickets/" + id, null, staff(), null);
			}
		}

		private void callNext(String counter) {
			if (!this.plan.isOpen(counter, now())) {
				at(this.plan.reopensAt(counter, now()), () -> callNext(counter));
				return;
			}
			String path = "/offices/" + this.office.id() + "/counters/" + counter;
			HttpResponse<String> answer = send("POST", path + "/call-next", null, staff(), null);
			if (answer.statusCode() != 200) {
				at(now() + 2, () -> callNext(counter));
				return;
			}
			String procedure = DemoMode.this.json.readTree(answer.body()).path("procedure").asString();
			double minutes = DayPlan.logNormal(this.service, this.office.procedure(procedure).minutes(),
					DayPlan.SERVICE_CV);
			at(now() + 1, () -> send("POST", path + "/start", null, staff(), null));
			at(now() + 1 + minutes, () -> {
				send("POST", path + "/done", null, staff(), null);
				callNext(counter);
			});
		}

		private String staff() {
			return "Basic " + Base64.getEncoder()
				.encodeToString(("admin:" + DemoMode.this.adminPassword).getBytes(StandardCharsets.UTF_8));
		}

		private HttpResponse<String> send(String method, String path, String body, String authorization,
				String idempotencyKey) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(DemoMode.this.base + path))
				.timeout(Duration.ofSeconds(10))
				.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
						: HttpRequest.BodyPublishers.noBody());
			if (body != null) {
				request.header("Content-Type", "application/json");
			}
			if (authorization != null) {
				request.header("Authorization", authorization);
			}
			if (idempotencyKey != null) {
				request.header("Idempotency-Key", idempotencyKey);
			}
			try {
				return DemoMode.this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
