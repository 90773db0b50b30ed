package jp.madoguchi.estimate;

import java.time.Duration;
import java.util.List;

import jp.madoguchi.counter.CounterStates;
import jp.madoguchi.counter.CounterStates.PauseReason;
import jp.madoguchi.office.OfficeCatalog;
import jp.madoguchi.support.AppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The estimates the application shows come from the line itself: the ticket, the status
 * of the queue and the issue answer agree, counters on a break slow the line, and the
 * office's services teach the estimator. Runs on H2 and on PostgreSQL.
 */
abstract class LiveEstimateTests extends AppTest {

	@Autowired
	private CounterStates counters;

	@Autowired
	private OfficeCatalog offices;

	@Autowired
	private ServiceTimes serviceTimes;

	@BeforeEach
	void newBusinessDay() {
		this.clock.nextWeekday();
	}

	@Test
	void theTicketTheQueueAndTheIssueAnswerTellTheSameLine() {
		for (String counter : List.of("4", "5", "6", "7", "8", "9")) {
			kioskTicket("move-in");
			counter(counter, "call-next");
			counter(counter, "start");
		}
		JsonNode first = kioskTicket("move-in");
		JsonNode last = null;
		for (int i = 0; i < 11; i++) {
			last = kioskTicket("move-in");
		}
		int lastMinutes = ticket(last).path("estimate").path("minutes").asInt();
		assertThat(last.path("estimate").path("minutes").asInt()).as("the issue answer").isEqualTo(lastMinutes);
		assertThat(ticket(first).path("estimate").path("minutes").asInt()).isPositive().isLessThan(lastMinutes);
		// 11 move-ins of 25 minutes ahead on 5.5 counters, all busy: about an hour
		assertThat(lastMinutes).isBetween(40, 90);
		JsonNode queue = queueB();
		assertThat(queue.path("inLine").asInt()).isEqualTo(12);
		assertThat(queue.path("estimate").path("minutes").asInt()).as("a newcomer, behind all 12")
			.isGreaterThan(lastMinutes);
		assertThat(queue.path("estimate").path("low").asInt()).isLessThan(lastMinutes);
	}

	@Test
	void countersOnABreakSlowTheEstimate() {
		for (int i = 0; i < 12; i++) {
			kioskTicket("move-out");
		}
		int allOpen = queueB().path("estimate").path("minutes").asInt();
		assertThat(allOpen).isPositive();
		for (String counter : List.of("4", "5", "6")) {
			this.counters.pause(this.offices.get(KONAN), counter, PauseReason.LUNCH, "test");
		}
		// a pause is not a ticket event: the estimate follows it when the minute turns
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(queueB().path("estimate").path("minutes").asInt()).isGreaterThan(allOpen * 3 / 2);
		for (String counter : List.of("4", "5", "6")) {
			this.counters.open(this.offices.get(KONAN), counter, "test");
		}
	}

	@Test
	void theOfficesOwnServicesTeachTheEstimator() {
		double before = this.serviceTimes.procedureMinutes(KONAN, "family-register-notifications", 20);
		for (int i = 0; i < 3; i++) {
			kioskTicket("family-register-notifications");
			counter("4", "call-next");
			counter("4", "start");
			this.clock.advance(Duration.ofMinutes(60));
			counter("4", "done");
		}
		assertThat(this.serviceTimes.procedureMinutes(KONAN, "family-register-notifications", 20))
			.isGreaterThan(before + 10);
	}

	private JsonNode queueB() {
		for (JsonNode queue : api().get("/api/v1/offices/konan/status").json().path("queues")) {
			if (queue.path("queue").asString().equals("B")) {
				return queue;
			}
		}
		throw new AssertionError("no queue B");
	}

}
