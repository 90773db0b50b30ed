package jp.madoguchi.ticketing;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

import jp.madoguchi.support.Api;
import jp.madoguchi.support.AppTest;
import jp.madoguchi.support.H2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input gets a clear answer and changes nothing: every refusal is
 * {@code application/problem+json} with a message in Japanese (default) or English, and
 * the office's journal does not move.
 */
@ContextConfiguration(initializers = H2.class)
class ApiRefusalsTest extends AppTest {

	private static final String TICKETS = "/api/v1/offices/konan/tickets";

	@BeforeEach
	void newBusinessDay() {
		this.clock.nextWeekday();
	}

	@Test
	void malformedAndUnknownInputIsRefusedClearlyInJapaneseAndEnglish() {
		long before = journalEnd();
		assertProblem(api().post(TICKETS, "{\"procedure\":"), 400, null, "JSON");
		assertProblem(api().post(TICKETS, Map.of("procedure", "move-in", "channel", "fax")), 400, null, "JSON");
		assertProblem(api().post(TICKETS, Map.of("procedure", "")), 400, null, "入力内容");
		assertProblem(api().post(TICKETS, Map.of("procedure", "no-such-thing")), 404, "unknown-procedure", "見つかりません");
		assertProblem(api().english().post(TICKETS, Map.of("procedure", "no-such-thing")), 404, "unknown-procedure",
				"There is no procedure");
		assertProblem(api().post("/api/v1/offices/atlantis/tickets", Map.of("procedure", "move-in")), 404,
				"unknown-office", "atlantis");
		assertProblem(api().get("/api/v1/offices/atlantis/status"), 404, "unknown-office", "atlantis");
		assertProblem(api().get("/api/v1/tickets/not-a-uuid"), 400, null, "not-a-uuid");
		assertProblem(api().send("PUT", TICKETS, Map.of()), 405, null, "PUT");
		assertProblem(api().get("/api/v1/nowhere"), 404, null, "URL");
		assertProblem(api().with("Content-Type", "text/plain").send("POST", TICKETS, "x"), 415, null,
				"application/json");
		assertThat(journalEnd()).isEqualTo(before);
	}

	@Test
	void channelsOtherThanWebNeedAKioskOrStaff() {
		long before = journalEnd();
		assertProblem(api().post(TICKETS, Map.of("procedure", "move-in", "channel", "kiosk")), 403,
				"channel-not-allowed", "発券機");
		assertProblem(api().post(TICKETS, Map.of("procedure", "move-in", "channel", "staff")), 403,
				"channel-not-allowed", null);
		assertProblem(api().asStaff("admin", "wrong").post(TICKETS, Map.of("procedure", "move-in", "channel", "staff")),
				401, "unauthenticated", null);
		assertThat(journalEnd()).isEqualTo(before);
	}

	@Test
	void staffOperationsAndTheCheckInCodeAreNotPublic() {
		assertProblem(api().post("/api/v1/offices/konan/counters/1/call-next"), 401, "unauthenticated", "ログイン");
		assertProblem(api().get("/api/v1/offices/konan/check-in-code"), 403, "forbidden", null);
		assertProblem(api().get("/api/v1/offices/konan/tickets"), 401, "unauthenticated", null);
		assertProblem(api().get("/actuator/prometheus"), 401, "unauthenticated", null);
		assertThat(api().get("/actuator/health").status()).isEqualTo(200);
		assertThat(staff().get("/actuator/prometheus").body()).contains("madoguchi_writer_batch_size");
		assertProblem(api().post("/api/v1/offices/konan/devices", Map.of("kind", "KIOSK", "name", "x")), 401,
				"unauthenticated", null);
	}

	@Test
	void aTicketIsReadAndChangedOnlyWithItsToken() {
		JsonNode ticket = webTicket("move-in");
		String path = "/api/v1/tickets/" + ticket.path("id").asString();
		JsonNode other = webTicket("move-out");
		assertProblem(api().get(path), 403, "ticket-token-required", null);
		assertProblem(api().bearer(other.path("token").asString()).get(path), 404, "unknown-ticket", null);
		assertProblem(api().bearer("t1.forged").delete(path), 404, "unknown-ticket", null);
		assertProblem(api().get("/api/v1/tickets/" + UUID.randomUUID()), 404, "unknown-ticket", null);
		assertThat(ticket(ticket).path("state").asString()).isEqualTo("issued");
	}

	@Test
	void illegalStepsAreRefusedAndChangeNothing() {
		JsonNode ticket = webTicket("move-in");
		Api holder = api().bearer(ticket.path("token").asString());
		String path = "/api/v1/tickets/" + ticket.path("id").asString();
		long before = journalEnd();

		assertProblem(holder.post(path + "/check-in", Map.of("code", "WRONG1")), 422, "check-in-code-invalid",
				"チェックインコード");
		assertProblem(holder.post(path + "/check-in"), 422, "check-in-code-invalid", null);
		assertProblem(counter("4", "done"), 409, "counter-idle", "4番窓口");
		assertProblem(counter("4", "call-next"), 409, "nobody-waiting", null);
		assertProblem(counter("99", "call-next"), 404, "unknown-counter", null);
		assertProblem(staff().post("/api/v1/offices/konan/counters/1/call",
				Map.of("number", ticket.path("number").asString())), 409, "counter-does-not-serve", null);
		assertThat(journalEnd()).isEqualTo(before);

		assertThat(holder.delete(path).text("state")).isEqualTo("cancelled");
		assertThat(holder.delete(path).text("state")).as("cancelling twice is harmless").isEqualTo("cancelled");
		long afterCancel = journalEnd();
		assertProblem(holder.post(path + "/check-in", Map.of("code", checkInCode())), 409, "illegal-step.check-in",
				"cancelled");
		assertProblem(staff().post(path + "/check-in"), 409, "illegal-step.check-in", null);
		assertThat(journalEnd()).isEqualTo(afterCancel);
	}

	@Test
	void twoCountersCannotCallTheSameNumber() {
		JsonNode ticket = kioskTicket("certificates");
		String number = ticket.path("number").asString();
		assertThat(staff().post("/api/v1/offices/konan/counters/1/call", Map.of("number", number)).status())
			.isEqualTo(200);
		assertProblem(staff().post("/api/v1/offices/konan/counters/2/call", Map.of("number", number.toLowerCase())),
				409, "illegal-step.call", "called");
		assertProblem(counter("1", "call-next"), 409, "counter-busy", number);
	}

	@Test
	void anIdempotencyKeyCannotBeReusedForAnotherRequest() {
		Api client = api().with("Idempotency-Key", "phone-1-request-1");
		Api.Response first = client.post(TICKETS, Map.of("procedure", "move-in"));
		Api.Response retry = client.post(TICKETS, Map.of("procedure", "move-in"));
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.text("id")).isEqualTo(first.text("id"));
		assertThat(retry.text("token")).isEqualTo(first.text("token"));
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertProblem(client.post(TICKETS, Map.of("procedure", "move-out")), 422, "idempotency-key-reused", null);
	}

	@Test
	void webTicketsFollowTheOfficesDaysAndWindow() {
		assertProblem(api().post(TICKETS, Map.of("procedure", "family-register-notifications")), 409,
				"issue.web-not-offered", "発券機");
		this.clock.at(LocalTime.of(8, 0));
		assertProblem(api().post(TICKETS, Map.of("procedure", "move-in")), 409, "issue.web-not-yet-open", null);
		this.clock.at(LocalTime.of(16, 0));
		assertProblem(api().post(TICKETS, Map.of("procedure", "move-in")), 409, "issue.web-window-over", null);
		assertThat(staff().post(TICKETS, Map.of("procedure", "move-in", "channel", "staff")).status()).isEqualTo(201);

		this.clock.nextDay((d) -> d.getDayOfWeek() == DayOfWeek.SUNDAY, LocalTime.of(10, 0));
		assertProblem(api().post(TICKETS, Map.of("procedure", "move-in")), 409, "issue.office-closed-today", "閉庁日");

		this.clock.nextOfficeSaturday(LocalTime.of(10, 0));
		assertThat(api().post(TICKETS, Map.of("procedure", "move-in")).status()).isEqualTo(201);
		assertProblem(api().post(TICKETS, Map.of("procedure", "tax-certificate")), 409, "issue.procedure-closed-today",
				null);
		this.clock.at(LocalTime.of(11, 30));
		assertProblem(api().post(TICKETS, Map.of("procedure", "move-in")), 409, "issue.web-window-over", null);
	}

	@Test
	void webTicketsStopWhenTheWaitWouldPassClosingTime() {
		this.clock.at(LocalTime.of(15, 0));
		// 30 people ahead in queue F, about 23 minutes each, four counters: about three
		// hours
		for (int i = 0; i < 30; i++) {
			staff().post(TICKETS, Map.of("procedure", "welfare-consultation", "channel", "staff"));
		}
		assertProblem(api().post(TICKETS, Map.of("procedure", "long-term-care-application")), 409,
				"issue.wait-passes-closing", "閉庁時刻");
		JsonNode queueF = api().get("/api/v1/offices/konan/status").json().path("queues").get(5);
		assertThat(queueF.path("queue").asString()).isEqualTo("F");
		assertThat(queueF.path("webTickets").path("available").asBoolean()).isFalse();
		assertThat(queueF.path("webTickets").path("reason").asString()).isEqualTo("wait-passes-closing");
	}

	private long journalEnd() {
		return api().get("/api/v1/offices/konan/status").json().path("eventId").asLong();
	}

	private static void assertProblem(Api.Response response, int status, String code, String detailContains) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).as(response.body()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).isNotBlank();
		if (code != null) {
			assertThat(problem.path("code").asString()).isEqualTo(code);
		}
		if (detailContains != null) {
			assertThat(problem.path("detail").asString()).contains(detailContains);
		}
	}

}
