package jp.madoguchi.board;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.support.AppTest;
import jp.madoguchi.support.SseClient;
import jp.madoguchi.support.SseClient.Event;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The live event stream: every change arrives, and a reconnect catches up exactly. */
abstract class EventStreamTests extends AppTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@BeforeEach
	void newBusinessDay() {
		this.clock.nextWeekday();
	}

	private String events() {
		return api().base() + "/api/v1/offices/konan/events";
	}

	@Test
	void aCallReachesSubscribersWithTheQueuesNewStatus() throws Exception {
		try (SseClient display = SseClient.connect(events(), null)) {
			Event status = display.next("status", WAIT);
			assertThat(status.json().path("office").asString()).isEqualTo("konan");

			JsonNode paper = kioskTicket("certificates");
			Event issued = display.next("issued", WAIT);
			assertThat(issued.eventId()).isEqualTo(status.eventId() + 1);
			assertThat(issued.json().path("number").asString()).isEqualTo(paper.path("number").asString());

			counter("2", "call-next");
			Event called = display.next("called", WAIT);
			assertThat(called.json().path("number").asString()).isEqualTo(paper.path("number").asString());
			assertThat(called.json().path("counter").asString()).isEqualTo("2");
			JsonNode queue = called.json().path("queueStatus");
			assertThat(queue.path("queue").asString()).isEqualTo("A");
			assertThat(queue.path("calling").get(0).path("counter").asString()).isEqualTo("2");
			assertThat(called.json().has("id")).as("no ticket ids in the public stream").isFalse();
		}
	}

	@Test
	void aClientReconnectingWithLastEventIdCatchesUpWithoutGapsOrRepeats() throws Exception {
		List<Long> seen = new ArrayList<>();
		long lastId;
		try (SseClient first = SseClient.connect(events(), null)) {
			lastId = first.next("status", WAIT).eventId();
			kioskTicket("move-in");
			kioskTicket("move-out");
			for (int i = 0; i < 2; i++) {
				lastId = first.next(WAIT).eventId();
				seen.add(lastId);
			}
		}
		// while it is away: a ticket, a call, a start
		kioskTicket("health-insurance");
		counter("11", "call-next");
		counter("11", "start");

		try (SseClient again = SseClient.connect(events(), String.valueOf(lastId))) {
			for (int i = 0; i < 3; i++) {
				seen.add(again.next(WAIT).eventId());
			}
			Event caughtUp = again.next(WAIT);
			assertThat(caughtUp.name()).isEqualTo("caught-up");
			assertThat(caughtUp.eventId()).isEqualTo(seen.get(seen.size() - 1));
			counter("11", "done");
			Event done = again.next(WAIT);
			assertThat(done.name()).isEqualTo("done");
			seen.add(done.eventId());
			Thread.sleep(200);
			assertThat(again.drain()).isEmpty();
		}
		long first = seen.get(0);
		assertThat(seen).containsExactly(first, first + 1, first + 2, first + 3, first + 4, first + 5);
	}

	@Test
	void anUnknownLastEventIdStartsAfreshWithAReset() throws Exception {
		try (SseClient client = SseClient.connect(events(), "999999999")) {
			assertThat(client.next(WAIT).name()).isEqualTo("reset");
			assertThat(client.next(WAIT).name()).isEqualTo("status");
		}
	}

}
