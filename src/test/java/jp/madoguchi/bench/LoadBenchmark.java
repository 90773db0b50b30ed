package jp.madoguchi.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.madoguchi.support.Api;
import jp.madoguchi.support.AppProcess;
import jp.madoguchi.support.H2;
import jp.madoguchi.support.TestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

/**
 * The load benchmark: starts the application in its own process ({@code -Xmx512m}) on
 * loopback, on H2 and on PostgreSQL, and measures ticket issues, status reads at two
 * queue lengths, call → event latency at two subscriber counts, and heap. Run it with
 * {@code ./mvnw test -Dtest=LoadBenchmark} (add {@code -Dbench.databases=h2} for one
 * database, {@code -Dbench.skipIssues=true} or {@code -Dbench.skipReads=true} for one
 * half); the results are printed and written to {@code target/benchmarks/results.md}.
 * Nothing here asserts a time: it reports.
 */
class LoadBenchmark {

	/** Long enough for the JIT compilers to settle on two shared cores. */
	private static final Duration WARMUP = Duration.ofSeconds(15);

	private static final Duration MEASURE = Duration.ofSeconds(15);

	private static final String STATUS = "/api/v1/offices/konan/status";

	private static final List<String> PROCEDURES = List.of("certificates", "move-in", "health-insurance",
			"child-allowance", "tax-certificate", "long-term-care-application");

	private static final String ADMIN = "Authorization: Basic "
			+ java.util.Base64.getEncoder().encodeToString(("admin:" + TestApplication.ADMIN_PASSWORD).getBytes())
			+ "\r\n";

	private final StringBuilder report = new StringBuilder();

	@Test
	void run() throws Exception {
		Wrk.requireInstalled();
		List<String> databases = Arrays.asList(System.getProperty("bench.databases", "h2,postgres").split(","));
		line("# Load benchmark, " + OffsetDateTime.now().withNano(0));
		line("");
		line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
				+ ManagementFactory.getOperatingSystemMXBean().getName() + ", " + cpuModel() + "; JDK "
				+ Runtime.version() + "; app with -Xmx512m; client and server on the same cores.");
		EmbeddedPostgres postgres = databases.contains("postgres") ? EmbeddedPostgres.builder()
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("max_connections", "200")
			.start() : null;
		try {
			for (String database : databases) {
				line("");
				line("## " + database);
				if (!Boolean.getBoolean("bench.skipIssues")) {
					issues(database, postgres);
				}
				if (!Boolean.getBoolean("bench.skipReads")) {
					readsAndEvents(database, postgres);
				}
			}
		}
		finally {
			if (postgres != null) {
				postgres.close();
			}
		}
		Path out = Path.of("target/benchmarks/results.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, this.report);
		System.out.println(this.report);
	}

	private void issues(String database, EmbeddedPostgres postgres) throws Exception {
		try (AppProcess app = start(database, postgres)) {
			String kiosk = app.api()
				.asAdmin()
				.post("/api/v1/offices/konan/devices", Map.of("kind", "KIOSK", "name", "bench"))
				.text("token");
			Wrk.run(port(app), "/", 16, WARMUP.multipliedBy(2), issueScript(kiosk));
			for (int clients : List.of(16, 64)) {
				line("- ticket issues (kiosk channel, 6 queues), "
						+ Wrk.run(port(app), "/", clients, MEASURE, issueScript(kiosk)));
			}
			line("- heap after issuing: " + heap(app.api()));
		}
	}

	/** A wrk script that takes kiosk tickets, each with an idempotency key of its own. */
	private static String issueScript(String kioskToken) {
		return """
				counter = 0
				run = "%s"
				procedures = {"certificates", "move-in", "health-insurance", "child-allowance",
				  "tax-certificate", "long-term-care-application"}
				request = function()
				  counter = counter + 1
				  local body = '{"procedure":"' .. procedures[(counter %% 6) + 1] .. '","channel":"kiosk"}'
				  return wrk.format("POST", "/api/v1/offices/konan/tickets", {
				    ["Content-Type"] = "application/json",
				    ["Authorization"] = "Bearer %s",
				    ["Idempotency-Key"] = run .. "-" .. counter }, body)
				end
				""".formatted(java.util.UUID.randomUUID(), kioskToken);
	}

	/**
	 * The citizen's pages with a full office: the office page, the part of it a phone
	 * fetches again after an event, and a ticket page (its place is counted in the
	 * database).
	 */
	private void pages(AppProcess app) throws Exception {
		// a paper ticket: with this many waiting, web tickets have stopped for the day
		tools.jackson.databind.JsonNode web = app.api()
			.asAdmin()
			.post("/api/v1/offices/konan/tickets", Map.of("procedure", "certificates", "channel", "kiosk"))
			.json();
		String ticketPage = "/o/konan/tickets/" + web.path("id").asString() + "?k=" + web.path("token").asString();
		for (String page : List.of("/o/konan", "/o/konan/live", ticketPage)) {
			Wrk.run(port(app), page, 64, WARMUP, null);
			line("- page " + (page.equals(ticketPage) ? "/o/konan/tickets/{id}" : page) + ", "
					+ Wrk.run(port(app), page, 64, MEASURE, null));
		}
		floorPages(app);
	}

	/**
	 * The office floor's live parts, fetched again after every event: the hall display's
	 * (with a display's cookie) and a counter terminal's (with a clerk's session, read
	 * from the database at each request).
	 */
	private void floorPages(AppProcess app) throws Exception {
		String display = app.api()
			.asAdmin()
			.post("/api/v1/offices/konan/devices", Map.of("kind", "DISPLAY", "name", "bench"))
			.text("token");
		jp.madoguchi.support.Phone clerk = new jp.madoguchi.support.Phone(port(app), "ja");
		clerk.signIn("admin", TestApplication.ADMIN_PASSWORD);
		String session = clerk.cookie("mdg_staff");
		Map<String, String> cookies = Map.of("/display/konan/live", "mdg_floor_device=" + display,
				"/counter/konan/1/live", "mdg_staff=" + session);
		for (Map.Entry<String, String> page : cookies.entrySet()) {
			String headers = "wrk.headers[\"Cookie\"] = \"" + page.getValue() + "\"\n"
					+ "wrk.headers[\"X-Background\"] = \"1\"\n";
			Wrk.run(port(app), page.getKey(), 16, WARMUP, headers);
			line("- page " + page.getKey() + " (16 clients), "
					+ Wrk.run(port(app), page.getKey(), 16, MEASURE, headers));
		}
	}

	private void readsAndEvents(String database, EmbeddedPostgres postgres) throws Exception {
		try (AppProcess app = start(database, postgres)) {
			Api staff = app.api().asAdmin();
			int waiting = 0;
			for (int target : List.of(100, 5000)) {
				waiting = fill(staff, waiting, target);
				Wrk.run(port(app), STATUS, 64, WARMUP, null);
				line("- status reads with " + target + " waiting, " + Wrk.run(port(app), STATUS, 64, MEASURE, null));
			}
			pages(app);
			List<Subscriber> subscribers = new ArrayList<>();
			for (int count : List.of(100, 5000)) {
				while (subscribers.size() < count) {
					subscribers.add(new Subscriber(port(app)));
				}
				for (Subscriber subscriber : subscribers) {
					subscriber.awaitStarted();
				}
				line("- call → event with " + count + " subscribers: " + callLatency(port(app), subscribers, 30));
				line("- heap with " + count + " subscribers: " + heap(app.api()));
			}
			subscribers.forEach(Subscriber::close);
		}
	}

	/** Issues paper tickets until {@code target} are waiting. */
	private static int fill(Api staff, int waiting, int target) {
		Api kiosk = staff
			.bearer(staff.post("/api/v1/offices/konan/devices", Map.of("kind", "KIOSK", "name", "fill")).text("token"));
		for (int i = waiting; i < target; i++) {
			kiosk.post("/api/v1/offices/konan/tickets",
					Map.of("procedure", PROCEDURES.get(i % PROCEDURES.size()), "channel", "kiosk"));
		}
		return target;
	}

	/**
	 * Calls {@code calls} tickets, one after another, and times each until every
	 * subscriber has it.
	 */
	private static String callLatency(int port, List<Subscriber> subscribers, int calls) throws Exception {
		List<Long> latencies = new ArrayList<>();
		List<String> counters = List.of("1", "4", "11", "21", "31", "41");
		try (RawHttp http = new RawHttp(port)) {
			for (int i = 0; i < calls; i++) {
				String counter = counters.get(i % counters.size());
				String path = "/api/v1/offices/konan/counters/" + counter + "/";
				long sent = System.nanoTime();
				RawHttp.Response called = http.exchange(RawHttp.request("POST", path + "call-next", ADMIN, null), true);
				String number = field(called.body(), "number");
				for (Subscriber subscriber : subscribers) {
					latencies.add(subscriber.awaitCall(number, Duration.ofSeconds(10)) - sent);
				}
				http.exchange(RawHttp.request("POST", path + "start", ADMIN, null), false);
				http.exchange(RawHttp.request("POST", path + "done", ADMIN, null), false);
				Thread.sleep(50);
			}
		}
		long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		long missed = Arrays.stream(sorted).filter((l) -> l == Long.MAX_VALUE).count();
		return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms over %,d deliveries (%d calls), %d missed",
				percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1 - (int) missed] / 1e6,
				sorted.length, calls, missed);
	}

	static double percentile(long[] sortedNanos, double p) {
		int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
		return sortedNanos[Math.max(0, index)] / 1e6;
	}

	static String field(String json, String name) {
		int at = json.indexOf("\"" + name + "\":\"");
		if (at < 0) {
			return null;
		}
		int start = at + name.length() + 4;
		return json.substring(start, json.indexOf('"', start));
	}

	/** A display's event stream, as a raw connection reading lines. */
	private static final class Subscriber {

		private final RawHttp http;

		private final CountDownLatch started = new CountDownLatch(1);

		private final Map<String, Long> calls = new ConcurrentHashMap<>();

		private final Object arrived = new Object();

		Subscriber(int port) throws IOException {
			this.http = new RawHttp(port);
			this.http
				.write(RawHttp.request("GET", "/api/v1/offices/konan/events", "Accept: text/event-stream\r\n", null));
			Thread.ofVirtual().start(this::read);
		}

		/** Reads the stream in chunks, decoding only the lines of "called" events. */
		private void read() {
			byte[] buffer = new byte[16384];
			java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
			String event = null;
			try {
				java.io.InputStream in = this.http.input();
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					for (int i = 0; i < n; i++) {
						if (buffer[i] != '\n') {
							line.write(buffer[i]);
							continue;
						}
						long now = System.nanoTime();
						String text = line.toString(java.nio.charset.StandardCharsets.UTF_8);
						line.reset();
						if (text.startsWith("event: ")) {
							event = text.substring(7);
							if (event.equals("status")) {
								this.started.countDown();
							}
						}
						else if (text.startsWith("data: ") && "called".equals(event)) {
							this.calls.put(field(text, "number"), now);
							synchronized (this.arrived) {
								this.arrived.notifyAll();
							}
						}
					}
				}
			}
			catch (IOException ex) {
				// closed
			}
		}

		void awaitStarted() throws InterruptedException {
			if (!this.started.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("event stream did not start");
			}
		}

		long awaitCall(String number, Duration timeout) throws InterruptedException {
			long end = System.nanoTime() + timeout.toNanos();
			synchronized (this.arrived) {
				while (!this.calls.containsKey(number)) {
					long left = end - System.nanoTime();
					if (left <= 0) {
						return Long.MAX_VALUE;
					}
					this.arrived.wait(Math.max(1, left / 1_000_000));
				}
			}
			return this.calls.get(number);
		}

		void close() {
			try {
				this.http.close();
			}
			catch (IOException ex) {
				// closing
			}
		}

	}

	private static final AtomicInteger databases = new AtomicInteger();

	/**
	 * The H2 databases of the runs: gigabytes each, kept only until the benchmark ends.
	 */
	private static final List<Path> h2Databases = new ArrayList<>();

	@AfterAll
	static void deleteTheH2Databases() throws IOException {
		for (Path database : h2Databases) {
			FileSystemUtils.deleteRecursively(database);
		}
	}

	private static AppProcess start(String database, EmbeddedPostgres postgres) throws Exception {
		Path dir = Files.createTempDirectory("madoguchi-bench");
		String url;
		if (database.equals("h2")) {
			h2Databases.add(dir.resolve("db"));
			url = "jdbc:h2:file:" + dir.resolve("db/madoguchi") + H2.SETTINGS + ";WRITE_DELAY=0";
		}
		else {
			String name = "bench_" + databases.incrementAndGet();
			try (var connection = postgres.getPostgresDatabase().getConnection();
					var statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + name);
			}
			url = postgres.getJdbcUrl("postgres", name);
		}
		return new AppProcess(dir.resolve("app.log"), "--spring.datasource.url=" + url,
				"--spring.datasource.username=" + (database.equals("h2") ? "sa" : "postgres"),
				"--spring.datasource.password=", "--madoguchi.admin.password=" + TestApplication.ADMIN_PASSWORD,
				"--madoguchi.clock.start=2027-02-01T09:00+09:00", "--logging.level.root=WARN")
			.start();
	}

	private static int port(AppProcess app) {
		return Integer.parseInt(app.api().base().substring(app.api().base().lastIndexOf(':') + 1));
	}

	/**
	 * Heap in use now and live after the last collection, from the app's Prometheus
	 * metrics.
	 */
	private static String heap(Api api) {
		String metrics = api.asAdmin().get("/actuator/prometheus").body();
		double used = 0;
		double live = 0;
		for (String line : metrics.split("\n")) {
			if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
				used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
			if (line.startsWith("jvm_gc_live_data_size_bytes")) {
				live = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return String.format("%.0f MB used, %.0f MB live after the last GC (limit 512 MB)", used / 1e6, live / 1e6);
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((l) -> l.startsWith("model name"))
				.map((l) -> l.substring(l.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("unknown CPU");
		}
		catch (IOException ex) {
			return "unknown CPU";
		}
	}

	private void line(String text) {
		this.report.append(text).append('\n');
		System.out.println(text);
	}

}
