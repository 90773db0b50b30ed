package jp.madoguchi.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.madoguchi.support.AppTest;
import jp.madoguchi.support.FakePushService;
import jp.madoguchi.support.H2;
import jp.madoguchi.support.Phone;
import jp.madoguchi.ticketing.TicketQueries;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Come now" by Web Push, through a push service on loopback that decrypts what it gets
 * as a phone would: the leave notice comes once, when the low end of the estimated wait
 * has come down to the travel time plus the margin; the call notice comes with the call;
 * the contact is erased when the ticket ends, or with its day.
 */
@ContextConfiguration(initializers = H2.class)
@TestPropertySource(properties = "madoguchi.notify.push-hosts=127.0.0.1")
class ComeNowNoticesTest extends AppTest {

	static FakePushService push;

	@Autowired
	private ComeNowNotices notices;

	@Autowired
	private Contacts contacts;

	@Autowired
	private TicketQueries queries;

	@BeforeAll
	static void startPushService() throws Exception {
		push = new FakePushService();
	}

	@AfterAll
	static void stopPushService() {
		push.close();
	}

	@Test
	void aHolderIsToldOnceWhenToLeaveAndAgainWhenCalled() throws Exception {
		this.clock.nextWeekday();
		for (int i = 0; i < 40; i++) {
			kioskTicket("certificates");
		}
		Phone phone = new Phone(this.port, "en");
		Phone.Page form = phone.get("/o/konan/take/koseki/certificates");
		assertThat(form.html()).as("the page offers push with the server's key").contains("data-vapid-key=\"B");
		String key = form.hidden("key");
		UUID ticket = UUID.fromString(
				phone
					.submit("/o/konan/take/koseki/certificates",
							Map.of("key", key, "notify", "push", "push", push.subscription(), "travel", "0"))
					.ticketId());
		assertThat(this.contacts.channelsOf(ticket)).containsExactly("push");

		assertThat(this.queries.placeOf(this.queries.get(ticket)).estimate().low())
			.as("40 ahead: even the low end of the estimate is more than travel 0 + margin 5")
			.isGreaterThan(3);
		this.notices.tellThoseWhoShouldLeave();
		assertThat(push.deliveries()).isEmpty();

		serve(36);
		this.notices.tellThoseWhoShouldLeave();
		this.notices.tellThoseWhoShouldLeave();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !push.deliveries().isEmpty());
		this.notices.tellThoseWhoShouldLeave();
		assertThat(push.deliveries()).as("4 ahead and counters free: told once").hasSize(1);
		FakePushService.Delivery leave = push.deliveries().get(0);
		assertThat(leave.encoding()).isEqualTo("aes128gcm");
		assertThat(push.isSignedBy(leave, this.contacts.browserKey("push"))).isTrue();
		JsonNode message = jp.madoguchi.support.Api.JSON.readTree(push.decrypt(leave));
		assertThat(message.path("kind").asString()).isEqualTo("leave");
		assertThat(message.path("title").asString()).isEqualTo("Ticket A-41: time to leave");
		// sent at the latest with 4 ahead; the scheduler's own sweep may come sooner
		assertThat(message.path("body").asString()).containsPattern("^\\d+ people are ahead of ticket A-41;")
			.doesNotContain("about 0 minutes");
		assertThat(message.path("url").asString()).contains("/o/konan/tickets/" + ticket + "?k=t1.");

		serve(4);
		assertThat(staff().post("/api/v1/tickets/" + ticket + "/check-in").status()).isEqualTo(200);
		assertThat(staff().post("/api/v1/offices/konan/counters/2/call", Map.of("number", "A-41")).status())
			.isEqualTo(200);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> push.deliveries().size() == 2);
		JsonNode called = jp.madoguchi.support.Api.JSON.readTree(push.decrypt(push.deliveries().get(1)));
		assertThat(called.path("kind").asString()).isEqualTo("called");
		assertThat(called.path("title").asString()).isEqualTo("Ticket A-41: please come to counter 2");

		counter("2", "start");
		counter("2", "done");
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.alias("the contact is erased when the ticket ends")
			.until(() -> this.contacts.channelsOf(ticket).isEmpty());
	}

	@Test
	void contactsDoNotOutliveTheirDay() throws Exception {
		this.clock.nextWeekday();
		JsonNode issued = webTicket("certificates");
		UUID ticket = UUID.fromString(issued.path("id").asString());
		this.contacts.register(this.queries.get(ticket), "push", push.subscription(), 30,
				jp.madoguchi.shared.web.Language.JA);
		assertThat(this.contacts.channelsOf(ticket)).hasSize(1);
		this.clock.nextWeekday();
		this.notices.tellThoseWhoShouldLeave();
		assertThat(this.contacts.channelsOf(ticket)).isEmpty();
	}

	@Test
	void aSubscriptionToAnUnknownHostIsRefused() {
		this.clock.nextWeekday();
		Phone phone = new Phone(this.port, "en");
		String key = phone.get("/o/konan/take/koseki/certificates").hidden("key");
		String elsewhere = push.subscription().replace("http://127.0.0.1", "http://169.254.169.254");
		Phone.Page refused = phone.submit("/o/konan/take/koseki/certificates",
				Map.of("key", key, "notify", "push", "push", elsewhere, "travel", "5"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.html()).contains("The notification subscription is not valid");
		assertThat(List.of(refused.path())).as("no ticket was taken").noneMatch((p) -> p.contains("/tickets/"));

		String huge = push.subscription().replace("/push/abc123", "/push/" + "x".repeat(5000));
		Phone.Page tooLong = phone.submit("/o/konan/take/koseki/certificates",
				Map.of("key", phone.get("/o/konan/take/koseki/certificates").hidden("key"), "notify", "push", "push",
						huge, "travel", "5"));
		assertThat(tooLong.status()).as("a subscription too long to keep").isEqualTo(422);
	}

	private void serve(int count) {
		for (int i = 0; i < count; i++) {
			counter("1", "call-next");
			counter("1", "start");
			this.clock.advance(Duration.ofMinutes(5));
			counter("1", "done");
		}
	}

}
