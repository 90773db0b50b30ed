package jp.madoguchi.board;

import java.time.Duration;
import java.util.Map;

import jp.madoguchi.MadoguchiApplication;
import jp.madoguchi.support.Api;
import jp.madoguchi.support.Postgres;
import jp.madoguchi.support.SseClient;
import jp.madoguchi.support.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one PostgreSQL database, as behind a load balancer: a call
 * made on one reaches an event-stream client of the other (through LISTEN/NOTIFY), and
 * the other's status shows it.
 */
class ClusterTest {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@Test
	void aCallMadeOnOneInstanceReachesSubscribersOfTheOther() throws Exception {
		String database = Postgres.newDatabase();
		try (ConfigurableApplicationContext first = start(database);
				ConfigurableApplicationContext second = start(database)) {
			Api one = api(first).asAdmin();
			Api two = api(second);
			try (SseClient display = SseClient.connect(two.base() + "/api/v1/offices/konan/events", null)) {
				display.next("status", WAIT);

				String number = one
					.post("/api/v1/offices/konan/tickets", Map.of("procedure", "certificates", "channel", "staff"))
					.text("number");
				one.post("/api/v1/offices/konan/counters/3/call-next");

				assertThat(display.next("issued", WAIT).json().path("number").asString()).isEqualTo(number);
				SseClient.Event called = display.next("called", WAIT);
				assertThat(called.json().path("number").asString()).isEqualTo(number);
				assertThat(called.json().path("counter").asString()).isEqualTo("3");
			}
			var queueA = two.get("/api/v1/offices/konan/status").json().path("queues").get(0);
			assertThat(queueA.path("calling").get(0).path("counter").asString()).isEqualTo("3");
			assertThat(two.asAdmin().post("/api/v1/offices/konan/counters/2/call-next").text("code"))
				.as("the second instance sees the line the first one changed")
				.isEqualTo("nobody-waiting");
		}
	}

	private static ConfigurableApplicationContext start(String database) {
		// command-line arguments: they take precedence over application.yaml
		return new SpringApplicationBuilder(MadoguchiApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--madoguchi.admin.password=" + TestApplication.ADMIN_PASSWORD,
				"--madoguchi.clock.start=2027-02-01T09:00+09:00", "--spring.datasource.hikari.maximum-pool-size=5",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN");
	}

	private static Api api(ConfigurableApplicationContext context) {
		return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
	}

}
