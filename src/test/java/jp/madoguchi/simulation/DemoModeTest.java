package jp.madoguchi.simulation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import jp.madoguchi.support.Api;
import jp.madoguchi.support.AppProcess;
import jp.madoguchi.support.H2;
import jp.madoguchi.support.TestApplication;
import jp.madoguchi.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demo mode brings a running instance to life through its own API: with the clock at 240
 * times real speed, half a minute is two hours of a ward office — tickets taken at the
 * kiosk and on phones, called, served, done.
 */
class DemoModeTest {

	@TempDir
	Path temp;

	@Test
	void aSpedUpDayComesAliveThroughTheApi() throws Exception {
		LocalDate day = new TestClock().nextWeekday();
		String[] arguments = {
				"--spring.datasource.url=jdbc:h2:file:" + this.temp.resolve("db/madoguchi") + H2.SETTINGS,
				"--spring.datasource.username=sa", "--spring.datasource.password=",
				"--madoguchi.admin.password=" + TestApplication.ADMIN_PASSWORD,
				"--madoguchi.clock.start=" + day + "T08:45+09:00", "--madoguchi.clock.speed=240",
				"--madoguchi.demo.enabled=true", "--logging.level.root=WARN" };
		try (AppProcess app = new AppProcess(Files.createTempFile(this.temp, "app", ".log"), arguments).start()) {
			Api admin = app.api().asAdmin();
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			int done = 0;
			while (System.nanoTime() < deadline && done < 20) {
				Thread.sleep(2000);
				done = admin.get("/api/v1/offices/konan/tickets?state=DONE").json().size();
			}
			assertThat(done).as("tickets served in the demonstration").isGreaterThanOrEqualTo(20);
			JsonNode status = admin.get("/api/v1/offices/konan/status").json();
			assertThat(status.path("recentCalls").size()).isPositive();
			JsonNode all = admin
				.get("/api/v1/offices/konan/tickets?state=DONE&state=WAITING&state=ISSUED&state=CALLED&state=SERVING")
				.json();
			assertThat(all.valueStream().map((t) -> t.path("channel").asString()).distinct())
				.as("paper and web tickets")
				.contains("kiosk", "web");
		}
	}

}
