package jp.madoguchi.support;

import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running application on a random loopback port with the test clock. Concrete tests
 * choose the database with {@code @ContextConfiguration(initializers = H2.class)} or
 * {@code Postgres.class}; tests of one database share one application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "madoguchi.admin.password=" + TestApplication.ADMIN_PASSWORD, "madoguchi.expiry.interval=PT10H",
				"spring.datasource.hikari.maximum-pool-size=10", "logging.level.jp.madoguchi=WARN",
				// the tests take many web tickets from one address and phone; LimitsTest
				// checks the limits
				"madoguchi.limits.per-device=100000", "madoguchi.limits.per-address=100000",
				"madoguchi.notify.interval=PT10H",
				// as behind the TLS proxy of a deployment (README): X-Forwarded-* count
				"server.forward-headers-strategy=framework" })
@Import(TestApplication.class)
public abstract class AppTest {

	protected static final String KONAN = "konan";

	@LocalServerPort
	protected int port;

	@Autowired
	protected TestClock clock;

	protected Api api() {
		return new Api(this.port);
	}

	protected Api staff() {
		return api().asAdmin();
	}

	/** Takes a web ticket; answers the issue response (with its token). */
	protected JsonNode webTicket(String procedure) {
		Api.Response response = api().with("Idempotency-Key", UUID.randomUUID().toString())
			.post("/api/v1/offices/konan/tickets", Map.of("procedure", procedure));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	/** Takes a paper ticket, as a registered kiosk would (here: by staff). */
	protected JsonNode kioskTicket(String procedure) {
		Api.Response response = staff().post("/api/v1/offices/konan/tickets",
				Map.of("procedure", procedure, "channel", "kiosk"));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	protected Api.Response counter(String counter, String step) {
		return staff().post("/api/v1/offices/konan/counters/" + counter + "/" + step);
	}

	protected JsonNode ticket(JsonNode issued) {
		Api.Response response = api().bearer(issued.path("token").asString())
			.get("/api/v1/tickets/" + issued.path("id").asString());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	protected String checkInCode() {
		return staff().get("/api/v1/offices/konan/check-in-code").text("code");
	}

}
