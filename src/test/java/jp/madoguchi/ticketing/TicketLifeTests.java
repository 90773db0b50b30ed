package jp.madoguchi.ticketing;

import java.time.Duration;
import java.util.Map;

import jp.madoguchi.support.Api;
import jp.madoguchi.support.AppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A day in the life of tickets, told step by step through the public API, as citizens and
 * counter staff live it. Runs on H2 and on PostgreSQL.
 */
abstract class TicketLifeTests extends AppTest {

	@BeforeEach
	void newBusinessDay() {
		this.clock.nextWeekday();
	}

	@Test
	void webTicketIsIssuedChecksInIsCalledIsAbsentReturnsAndIsServed() {
		// 9:00 — at home, Sato-san takes a web ticket for moving in (転入届).
		JsonNode issued = webTicket("move-in");
		assertThat(issued.path("number").asString()).isEqualTo("B-1");
		assertThat(issued.path("state").asString()).isEqualTo("issued");
		assertThat(issued.path("token").asString()).startsWith("t1.");
		assertThat(issued.path("history").valueStream().map((s) -> s.path("step").asString()))
			.containsExactly("issued");

		// 9:20 — she arrives and checks in with the code on the hall display.
		this.clock.advance(Duration.ofMinutes(20));
		Api holder = api().bearer(issued.path("token").asString());
		String path = "/api/v1/tickets/" + issued.path("id").asString();
		Api.Response checkIn = holder.post(path + "/check-in", Map.of("code", checkInCode()));
		assertThat(checkIn.status()).as(checkIn.body()).isEqualTo(200);
		assertThat(checkIn.text("state")).isEqualTo("waiting");

		// 9:25 — counter 4 calls her; she has until 9:35 to come.
		this.clock.advance(Duration.ofMinutes(5));
		JsonNode called = counter("4", "call-next").json();
		assertThat(called.path("number").asString()).isEqualTo("B-1");
		assertThat(ticket(issued).path("call").path("counter").asString()).isEqualTo("4");
		assertThat(ticket(issued).path("call").path("comeBy").asString())
			.isEqualTo(this.clock.instant().plus(Duration.ofMinutes(10)).toString());

		// 9:36 — she is in the restroom; the clerk marks her absent and serves someone
		// else.
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(counter("4", "absent").text("state")).isEqualTo("absent");
		JsonNode walkIn = kioskTicket("move-out");
		assertThat(counter("4", "call-next").text("number")).isEqualTo(walkIn.path("number").asString());
		counter("4", "start");
		counter("4", "done");

		// 9:50 — she comes back within the grace time: staff check her in, she goes to
		// the front.
		this.clock.advance(Duration.ofMinutes(14));
		JsonNode laterWalkIn = kioskTicket("move-out");
		Api.Response back = staff().post(path + "/check-in");
		assertThat(back.text("state")).isEqualTo("waiting");
		assertThat(counter("4", "call-next").text("number")).isEqualTo("B-1");

		// She is served and done; the walk-in who came later is next.
		assertThat(counter("4", "start").text("state")).isEqualTo("serving");
		assertThat(counter("4", "done").text("state")).isEqualTo("done");
		assertThat(counter("4", "call-next").text("number")).isEqualTo(laterWalkIn.path("number").asString());

		// Her ticket page tells the whole story.
		assertThat(ticket(issued).path("history").valueStream().map((s) -> s.path("step").asString()))
			.containsExactly("issued", "checked-in", "called", "absent", "checked-in", "called", "started", "done");
	}

	@Test
	void kioskTicketIsTransferredToAnotherDivisionAndServedThere() {
		// Someone takes a ticket for health insurance (queue C); a minute later, a paper
		// ticket
		// for a certificate (queue A) from the kiosk.
		JsonNode earlier = kioskTicket("health-insurance");
		this.clock.advance(Duration.ofMinutes(1));
		JsonNode paper = kioskTicket("certificates");
		assertThat(paper.path("state").asString()).isEqualTo("waiting");
		this.clock.advance(Duration.ofMinutes(1));
		JsonNode later = kioskTicket("health-insurance");

		// Counter 1 serves it and finds the holder also needs health insurance (queue C).
		counter("1", "call-next");
		counter("1", "start");
		Api.Response transfer = staff().post("/api/v1/offices/konan/counters/1/transfer",
				Map.of("queue", "C", "note", "転入に伴う国保加入"));
		assertThat(transfer.status()).as(transfer.body()).isEqualTo(200);
		assertThat(transfer.text("queue")).isEqualTo("C");
		assertThat(transfer.text("state")).isEqualTo("waiting");

		// In queue C it keeps the place its issue time gives: after the one issued before
		// it,
		// before the one issued after it.
		assertThat(counter("11", "call-next").text("number")).isEqualTo(earlier.path("number").asString());
		JsonNode transferred = counter("12", "call-next").json();
		assertThat(transferred.path("number").asString()).isEqualTo(paper.path("number").asString());
		assertThat(transferred.path("note").asString()).isEqualTo("転入に伴う国保加入");
		counter("12", "start");
		assertThat(counter("12", "done").text("state")).isEqualTo("done");
		assertThat(counter("13", "call-next").text("number")).isEqualTo(later.path("number").asString());
	}

	@Test
	void webTicketNotCheckedInIsPassedOverAndKeepsItsTurnWithinTheGraceTime() {
		JsonNode web = webTicket("certificates");
		this.clock.advance(Duration.ofMinutes(1));
		JsonNode walkIn = kioskTicket("certificates");

		// Its turn comes before its holder has checked in: the counter calls the walk-in.
		assertThat(counter("1", "call-next").text("number")).isEqualTo(walkIn.path("number").asString());
		assertThat(ticket(web).path("history").valueStream().map((s) -> s.path("step").asString()))
			.containsExactly("issued", "passed-over");

		// More people arrive; the web holder checks in 20 minutes later, within the grace
		// time.
		JsonNode second = kioskTicket("certificates");
		this.clock.advance(Duration.ofMinutes(20));
		api().bearer(web.path("token").asString())
			.post("/api/v1/tickets/" + web.path("id").asString() + "/check-in", Map.of("code", checkInCode()));
		assertThat(counter("2", "call-next").text("number")).isEqualTo(web.path("number").asString());
		assertThat(counter("3", "call-next").text("number")).isEqualTo(second.path("number").asString());
	}

	@Test
	void webTicketCheckingInAfterTheGraceTimeGoesToTheBack() {
		JsonNode web = webTicket("tax-certificate");
		this.clock.advance(Duration.ofMinutes(1));
		kioskTicket("tax-certificate");
		counter("31", "call-next");
		JsonNode waiting = kioskTicket("tax-certificate");

		this.clock.advance(Duration.ofMinutes(31));
		api().bearer(web.path("token").asString())
			.post("/api/v1/tickets/" + web.path("id").asString() + "/check-in", Map.of("code", checkInCode()));
		JsonNode afterCheckIn = kioskTicket("tax-certificate");

		assertThat(counter("32", "call-next").text("number")).isEqualTo(waiting.path("number").asString());
		assertThat(counter("33", "call-next").text("number")).isEqualTo(web.path("number").asString());
		assertThat(ticket(web).path("state").asString()).isEqualTo("called");
		counter("31", "start");
		counter("31", "done");
		assertThat(counter("31", "call-next").text("number")).isEqualTo(afterCheckIn.path("number").asString());
	}

	@Test
	void numbersRestartEveryBusinessDayAndOpenTicketsExpireAtClosing() {
		kioskTicket("certificates");
		JsonNode second = kioskTicket("certificates");
		assertThat(second.path("number").asString()).isEqualTo("A-2");
		JsonNode web = webTicket("move-in");

		this.clock.at(java.time.LocalTime.of(17, 0));
		Api.Response late = staff().post("/api/v1/offices/konan/tickets",
				Map.of("procedure", "certificates", "channel", "staff"));
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.text("code")).isEqualTo("issue.office-closed-now");

		this.clock.nextWeekday();
		assertThat(kioskTicket("certificates").path("number").asString()).isEqualTo("A-1");
		assertThat(ticket(web).path("state").asString()).isEqualTo("issued");
		assertThat(staff().get("/api/v1/offices/konan/status").json().path("queues").get(0).path("inLine").asInt())
			.isEqualTo(1);
		assertThat(this.expireClosed()).isGreaterThanOrEqualTo(3);
		assertThat(ticket(web).path("state").asString()).isEqualTo("expired");
	}

	@org.springframework.beans.factory.annotation.Autowired
	private TicketService service;

	private int expireClosed() {
		return this.service.expireClosed(KONAN);
	}

	@Autowired
	private TicketRepository repository;

	@Test
	void theLatestCounterTimesOfAProcedureAreReadBackForTheEstimatorAfterARestart() {
		for (int minutes : new int[] { 7, 12 }) {
			kioskTicket("health-insurance");
			counter("13", "call-next");
			// the walk to the counter takes the counter's time too
			this.clock.advance(java.time.Duration.ofMinutes(1));
			counter("13", "start");
			this.clock.advance(java.time.Duration.ofMinutes(minutes));
			counter("13", "done");
		}
		java.util.List<java.time.Duration> learned = this.repository.recentServiceTimes(KONAN, "health-insurance", 20);
		assertThat(learned).endsWith(java.time.Duration.ofMinutes(8), java.time.Duration.ofMinutes(13));
		assertThat(this.repository.recentServiceTimes(KONAN, "health-insurance", 1))
			.containsExactly(java.time.Duration.ofMinutes(13));
	}

}
