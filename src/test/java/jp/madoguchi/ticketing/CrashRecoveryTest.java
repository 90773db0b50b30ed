package jp.madoguchi.ticketing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jp.madoguchi.support.Api;
import jp.madoguchi.support.AppProcess;
import jp.madoguchi.support.H2;
import jp.madoguchi.support.Postgres;
import jp.madoguchi.support.TestApplication;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the server with SIGKILL in the middle of a stream of issues, starts it again, and
 * finds every ticket whose issue was acknowledged, with the same number, and no number
 * twice.
 */
class CrashRecoveryTest {

	private static final int CLIENTS = 6;

	private static final int ACKNOWLEDGED_BEFORE_KILL = 150;

	@TempDir
	Path temp;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgres" })
	void everyAcknowledgedTicketSurvivesAKill(String database) throws Exception {
		String url = database.equals("h2")
				? "jdbc:h2:file:" + this.temp.resolve("db/madoguchi") + H2.SETTINGS + ";WRITE_DELAY=0"
				: Postgres.newDatabase();
		String user = database.equals("h2") ? "sa" : "postgres";
		Path log = Files.createTempFile(this.temp, "app", ".log");
		String[] arguments = { "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
				"--spring.datasource.password=", "--madoguchi.admin.password=" + TestApplication.ADMIN_PASSWORD,
				"--madoguchi.clock.start=2027-02-01T09:00+09:00", "--logging.level.root=WARN" };
		Map<UUID, String> acknowledged = new ConcurrentHashMap<>();

		try (AppProcess app = new AppProcess(log, arguments).start()) {
			String kiosk = app.api()
				.asAdmin()
				.post("/api/v1/offices/konan/devices", Map.of("kind", "KIOSK", "name", "crash-test"))
				.text("token");
			AtomicBoolean stop = new AtomicBoolean();
			CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
			try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
				for (int c = 0; c < CLIENTS; c++) {
					clients.submit(() -> issueUntilStopped(app.api().bearer(kiosk), acknowledged, enough, stop));
				}
				enough.await();
				app.killHard();
				stop.set(true);
			}
		}
		assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

		try (AppProcess again = new AppProcess(log, arguments).start()) {
			Api staff = again.api().asAdmin();
			for (Map.Entry<UUID, String> ticket : acknowledged.entrySet()) {
				Api.Response found = staff.get("/api/v1/tickets/" + ticket.getKey());
				assertThat(found.status()).as("ticket %s", ticket.getValue()).isEqualTo(200);
				assertThat(found.text("number")).isEqualTo(ticket.getValue());
			}
			List<String> numbers = new ArrayList<>();
			staff.get("/api/v1/offices/konan/tickets").json().forEach((t) -> numbers.add(t.path("number").asString()));
			assertThat(numbers).doesNotHaveDuplicates().containsAll(acknowledged.values());
			// the restarted server goes on numbering after the last number it had given
			Api.Response next = staff.post("/api/v1/offices/konan/tickets",
					Map.of("procedure", "certificates", "channel", "staff"));
			assertThat(Set.copyOf(numbers)).doesNotContain(next.text("number"));
		}
	}

	private static Void issueUntilStopped(Api kiosk, Map<UUID, String> acknowledged, CountDownLatch enough,
			AtomicBoolean stop) {
		while (!stop.get()) {
			try {
				Api.Response response = kiosk.with("Idempotency-Key", UUID.randomUUID().toString())
					.post("/api/v1/offices/konan/tickets", Map.of("procedure", "certificates", "channel", "kiosk"));
				if (response.status() == 201) {
					acknowledged.put(UUID.fromString(response.text("id")), response.text("number"));
					enough.countDown();
				}
			}
			catch (RuntimeException ex) {
				// the server is gone: what was not acknowledged may or may not exist
			}
		}
		return null;
	}

}
