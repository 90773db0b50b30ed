package jp.madoguchi.staff;

import java.util.Map;

import jp.madoguchi.support.Api;
import jp.madoguchi.support.AppTest;
import jp.madoguchi.support.H2;
import jp.madoguchi.support.TestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** Kiosks and hall displays registered by an administrator act with their own token. */
@ContextConfiguration(initializers = H2.class)
class DevicesTest extends AppTest {

	@BeforeEach
	void newBusinessDay() {
		this.clock.nextWeekday();
	}

	@Test
	void aRegisteredKioskIssuesPaperTicketsAndADisplayShowsTheCheckInCode() {
		String kiosk = register("KIOSK", "1階 発券機");
		String display = register("DISPLAY", "1階 呼出表示盤");
		assertThat(kiosk).startsWith("d1.");

		Api.Response paper = api().bearer(kiosk)
			.post("/api/v1/offices/konan/tickets", Map.of("procedure", "certificates", "channel", "kiosk"));
		assertThat(paper.status()).as(paper.body()).isEqualTo(201);
		assertThat(paper.text("channel")).isEqualTo("kiosk");
		assertThat(paper.text("state")).isEqualTo("waiting");

		Api.Response code = api().bearer(display).get("/api/v1/offices/konan/check-in-code");
		assertThat(code.status()).isEqualTo(200);
		assertThat(code.text("code")).matches("[2-9A-HJ-NP-Z]{6}");

		assertThat(api().bearer(display)
			.post("/api/v1/offices/konan/tickets", Map.of("procedure", "certificates", "channel", "kiosk"))
			.status()).as("a display is not a kiosk").isEqualTo(403);
		assertThat(api().bearer(kiosk).post("/api/v1/offices/konan/counters/1/call-next").status()).isEqualTo(403);
		assertThat(api().bearer("d1.unknown").get("/api/v1/offices/konan/status").status()).isEqualTo(401);
	}

	@Test
	void aRememberedPasswordDoesNotLetAWrongOneThrough() {
		String line = "/api/v1/offices/konan/tickets";
		assertThat(staff().get(line).status()).isEqualTo(200);
		assertThat(api().asStaff("admin", "wrong").get(line).status()).isEqualTo(401);
		assertThat(api().asStaff("nobody", TestApplication.ADMIN_PASSWORD).get(line).status()).isEqualTo(401);
		assertThat(staff().get(line).status()).isEqualTo(200);
	}

	private String register(String kind, String name) {
		Api.Response response = staff().post("/api/v1/offices/konan/devices", Map.of("kind", kind, "name", name));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.text("token");
	}

}
