package jp.madoguchi.citizen;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jp.madoguchi.support.BrowserTest;
import jp.madoguchi.support.FakePushService;
import jp.madoguchi.support.Phone;
import jp.madoguchi.support.Browser;
import jp.madoguchi.support.H2;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ward's promise, end to end in Chromium: a resident takes a web ticket on the phone,
 * watches the people ahead fall while the counters serve others, is told by e-mail when
 * to leave, checks in by opening the hall's QR link, and sees the call — all live,
 * without reloading.
 */
@ContextConfiguration(initializers = H2.class)
class CitizenJourneyTest extends BrowserTest {

	static final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static FakePushService push;

	private static final LocatorAssertions.ContainsTextOptions LIVE = new LocatorAssertions.ContainsTextOptions()
		.setTimeout(15_000);

	@DynamicPropertySource
	static void mailAndNotices(DynamicPropertyRegistry registry) {
		mail.start();
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
		registry.add("madoguchi.notify.interval", () -> "PT1S");
		registry.add("madoguchi.notify.push-hosts", () -> "127.0.0.1");
	}

	@BeforeAll
	static void startPushService() throws Exception {
		push = new FakePushService();
	}

	@AfterAll
	static void stopMail() {
		mail.stop();
		push.close();
	}

	@Test
	void aResidentTakesAWebTicketFollowsItChecksInAndIsCalled() {
		this.clock.nextWeekday();
		for (int i = 0; i < 30; i++) {
			kioskTicket("certificates");
		}
		try (BrowserContext phone = browser.phone(Browser.PHONE, "ja")) {
			Page page = phone.newPage();
			page.navigate(url("/o/konan"));
			page.click("a[href='/o/konan/take']");
			page.click("a[href='/o/konan/take/koseki']");
			page.click("a[href='/o/konan/take/koseki/certificates']");
			page.fill("#travel", "20");
			page.check("input[name=notify][value=email]");
			page.fill("#email", "resident@example.jp");
			page.click("#take-form button[type=submit]");

			assertThat(page.url()).matches(".*/o/konan/tickets/[0-9a-f-]{36}$");
			String number = page.locator(".ticket-number").textContent().trim();
			assertThat(number).isEqualTo("A-31");
			Locator live = page.locator("#live");
			assertThat(live).containsText("30人");
			Browser.screenshot(page, "journey-1-taken-ja");

			serve("1", 10);
			assertThat(live).containsText("20人", LIVE);
			assertThat(page.locator("#announce")).containsText("あなたの前に20人", LIVE);

			MimeMessage leave = awaitMail("resident@example.jp", "そろそろ出発");
			assertThat(body(leave)).contains(number).contains("/o/konan/tickets/").contains("?k=t1.");

			page.navigate(url("/o/konan/check-in?c=" + checkInCode()));
			assertThat(page.url()).contains("done=checked-in");
			assertThat(page.locator("[role=status]")).containsText("チェックインしました");
			Browser.screenshot(page, "journey-2-checked-in-ja");

			serve("1", 20);
			assertThat(live).containsText("0人", LIVE);
			counter("2", "call-next");
			assertThat(live).containsText("2番窓口へお越しください", LIVE);
			assertThat(page.locator("#announce")).containsText("2番窓口", LIVE);
			Browser.screenshot(page, "journey-3-called-ja");
			assertThat(subject(awaitMail("resident@example.jp", "2番窓口へお越しください"))).contains(number);

			page.navigate(page.url().replaceAll("\\?.*", "") + "?lang=en");
			assertThat(page.locator("#live")).containsText("Please come to counter 2");
			Browser.screenshot(page, "journey-4-called-en");
		}
	}

	@Test
	void theOfficePageFollowsTheLinesLive() {
		this.clock.nextWeekday();
		try (BrowserContext phone = browser.phone(Browser.WIDE, "en")) {
			Page page = phone.newPage();
			page.navigate(url("/o/konan"));
			Locator taxDivision = page.locator("article[aria-labelledby=div-zeimu]");
			assertThat(taxDivision).containsText("0 people");
			kioskTicket("tax-certificate");
			kioskTicket("tax-certificate");
			assertThat(taxDivision).containsText("2 people", LIVE);
			counter("31", "call-next");
			assertThat(taxDivision).containsText("E-1 (counter 31)", LIVE);
			assertThat(taxDivision).containsText("1 person", LIVE);
		}
	}

	/**
	 * Web Push chosen on the phone: the page's script asks the browser for a subscription
	 * (here answered by a stand-in for the browser's push service on loopback, which
	 * headless Chromium cannot reach for real) and sends it with the form; the call
	 * arrives at that service, encrypted for the phone.
	 */
	@Test
	void aResidentChoosesPushAndIsToldOfTheCallOnThePhone() throws Exception {
		this.clock.nextWeekday();
		try (BrowserContext phone = browser.phone(Browser.PHONE, "en")) {
			phone.addInitScript(pushManagerAnswering(push.subscription()));
			Page page = phone.newPage();
			page.navigate(url("/o/konan/take/zeimu/tax-certificate"));
			assertThat(page.locator("#notify-push-option")).isVisible();
			page.check("input[name=notify][value=push]");
			assertThat(page.locator("#email-field")).isHidden();
			Browser.screenshot(page, "take-confirm-push-en-360");
			page.click("#take-form button[type=submit]");
			assertThat(page.locator(".ticket-number")).hasText("E-1");
			assertThat(page.locator("#notices-heading + ul")).containsText("Notification on this phone");

			assertThat(staff().post("/api/v1/tickets/" + ticketId(page) + "/check-in").status()).isEqualTo(200);
			counter("31", "call-next");
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !push.deliveries().isEmpty());
			String message = push.decrypt(push.deliveries().get(push.deliveries().size() - 1));
			assertThat(message).contains("\"kind\":\"called\"").contains("Ticket E-1: please come to counter 31");
		}
	}

	@Test
	void aNoticeCanBeAddedFromTheTicketPage() {
		this.clock.nextWeekday();
		Phone phone = new Phone(this.port, "ja");
		String take = "/o/konan/take/kodomo-katei/child-allowance";
		Phone.Page ticket = phone.submit(take, Map.of("key", phone.get(take).hidden("key"), "notify", "none"));
		assertThat(ticket.html()).contains("お知らせを受け取る（任意）");
		String id = ticket.ticketId();

		Phone.Page wrong = phone.submit("/o/konan/tickets/" + id + "/notify",
				Map.of("notify", "email", "email", "not an address", "travel", "20"));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.html()).contains("メールアドレスの形式が正しくありません");

		Phone.Page added = phone.submit("/o/konan/tickets/" + id + "/notify",
				Map.of("notify", "email", "email", "later@example.jp", "travel", "20"));
		assertThat(added.path()).contains("done=notice");
		assertThat(added.html()).contains("お知らせの方法を登録しました").doesNotContain("お知らせを受け取る（任意）");

		assertThat(staff().post("/api/v1/tickets/" + id + "/check-in").status()).isEqualTo(200);
		counter("21", "call-next");
		assertThat(subject(awaitMail("later@example.jp", "21番窓口へお越しください"))).contains("D-1");
	}

	/** A browser whose push manager hands out the given subscription. */
	private static String pushManagerAnswering(String subscription) {
		return """
				(() => {
				  const subscription = { toJSON: () => (%s) };
				  const registration = { pushManager: { subscribe: () => Promise.resolve(subscription) } };
				  Object.defineProperty(navigator, 'serviceWorker', { value: {
				    register: () => Promise.resolve(registration), ready: Promise.resolve(registration) } });
				})();""".formatted(subscription);
	}

	private static String ticketId(Page page) {
		return page.url().replaceAll(".*/tickets/([0-9a-f-]{36}).*", "$1");
	}

	/** A counter serves {@code count} tickets one after another, a minute each. */
	private void serve(String counter, int count) {
		for (int i = 0; i < count; i++) {
			assertThat(counter(counter, "call-next").status()).isEqualTo(200);
			assertThat(counter(counter, "start").status()).isEqualTo(200);
			this.clock.advance(Duration.ofMinutes(1));
			assertThat(counter(counter, "done").status()).isEqualTo(200);
		}
	}

	private MimeMessage awaitMail(String to, String subject) {
		return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> find(to, subject), (m) -> m != null);
	}

	private static MimeMessage find(String to, String subject) throws MessagingException {
		for (MimeMessage message : mail.getReceivedMessages()) {
			List<String> recipients = Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
			if (recipients.contains(to) && message.getSubject().contains(subject)) {
				return message;
			}
		}
		return null;
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String body(MimeMessage message) {
		try {
			return message.getContent().toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
