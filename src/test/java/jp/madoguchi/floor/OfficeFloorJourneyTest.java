package jp.madoguchi.floor;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.staff.StaffAccounts;
import jp.madoguchi.staff.StaffRole;
import jp.madoguchi.support.Browser;
import jp.madoguchi.support.BrowserTest;
import jp.madoguchi.support.Floor;
import jp.madoguchi.support.H2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office floor in Chromium: a kiosk prints a ticket, a clerk calls it at counter 1,
 * the hall display shows and announces it; absent, then called again; a transfer reaches
 * another division's counter with its note; two counters call at once and get different
 * tickets. Every screen passes axe-core and is photographed at its size.
 */
@ContextConfiguration(initializers = H2.class)
class OfficeFloorJourneyTest extends BrowserTest {

	static final String CLERK_PASSWORD = "a-long-clerk-password";

	@Autowired
	private StaffAccounts accounts;

	private final List<BrowserContext> contexts = new java.util.ArrayList<>();

	@BeforeEach
	void aWeekdayMorningWithClerks() {
		this.clock.nextWeekday();
		for (String clerk : List.of("floor-a", "floor-b", "floor-c")) {
			try {
				this.accounts.create(clerk, CLERK_PASSWORD, KONAN, StaffRole.STAFF);
			}
			catch (MadoguchiException ex) {
				// made by an earlier test of this application
			}
		}
	}

	@AfterEach
	void closeScreens() {
		this.contexts.forEach(BrowserContext::close);
	}

	private BrowserContext screen(int width, int height, String language) {
		BrowserContext context = browser.screen(width, height, language);
		this.contexts.add(context);
		return context;
	}

	private Page display(int width, int height, String language) {
		BrowserContext context = screen(width, height, language);
		context.addInitScript(Floor.SPEECH_RECORDER);
		Page page = Floor.registerDevice(context, url(""), "DISPLAY", "hall " + width + "x" + height);
		page.waitForFunction("() => document.documentElement.classList.contains('offline') === false");
		return page;
	}

	private Page kiosk(String language) {
		BrowserContext context = screen(1080, 1920, language);
		context.addInitScript(Floor.PRINT_RECORDER);
		return Floor.registerDevice(context, url(""), "KIOSK", "kiosk");
	}

	private Page counter(String clerk, String counter, String language) {
		Page page = Floor.signIn(screen(1366, 768, language), url(""), clerk, CLERK_PASSWORD);
		page.navigate(url("/counter/konan/" + counter));
		return page;
	}

	/**
	 * Does a step on a counter screen and waits for the screen it leads to (each step
	 * answers with a redirect back to the terminal).
	 */
	private static void step(Page page, Runnable action) {
		page.waitForResponse(
				(response) -> response.request().isNavigationRequest() && response.request().method().equals("GET"),
				action);
		page.waitForLoadState();
	}

	/**
	 * Sends the forms of the same button on two screens at the same moment (without
	 * waiting for either answer in between), then shows each screen's answer.
	 */
	private static void sendAtOnce(Page one, Page other, String button) {
		String send = "b => { const form = (" + button + ")().form; window.__sent = fetch(form.action,"
				+ " { method: 'POST', body: new FormData(form), redirect: 'manual', credentials: 'same-origin' }); }";
		one.evaluate(send, button);
		other.evaluate(send, button);
		one.evaluate("() => window.__sent.then(() => true)");
		other.evaluate("() => window.__sent.then(() => true)");
		one.reload();
		other.reload();
	}

	@Test
	void aKioskTicketIsCalledAtACounterAndTheHallShowsAndAnnouncesIt() {
		Page display = display(1920, 1080, "ja");
		Page kiosk = kiosk("ja");
		Page counter = counter("floor-a", "1", "ja");

		kiosk.getByText("戸籍課").first().click();
		kiosk.locator("button", new Page.LocatorOptions().setHasText("住民票の写し")).click();
		kiosk.waitForURL("**/kiosk/konan/tickets/**");
		String number = kiosk.locator(".paper-number").textContent().trim();
		assertThat(kiosk.evaluate("() => window.__printed")).as("printed once, silently").isEqualTo(1);
		Browser.assertAccessible(kiosk, "the kiosk's ticket");
		Browser.screenshot(kiosk, "floor-kiosk-ticket-ja-1080x1920");

		Locator row = counter.locator("tr", new Page.LocatorOptions().setHas(counter.getByText(number)));
		assertThat(row).isVisible();
		Browser.assertAccessible(counter, "the counter terminal");

		// the display notes when the call appears; both browsers' clocks are this
		// machine's
		display.evaluate("n => { window.__shownAt = 0; new MutationObserver(() => {"
				+ " const c = document.querySelector('.calls li.newest .call-number');"
				+ " if (c && c.textContent.trim() === n && !window.__shownAt) { window.__shownAt = Date.now(); }"
				+ " }).observe(document.body, { subtree: true, childList: true, characterData: true }); }", number);
		long pressed = ((Number) counter.evaluate("() => Date.now()")).longValue();
		step(counter, () -> counter.keyboard().press("n"));
		assertThat(counter.locator(".current .ticket-number")).hasText(number);
		display.waitForFunction("() => window.__shownAt > 0", null, new Page.WaitForFunctionOptions().setTimeout(5000));
		long shownMillis = ((Number) display.evaluate("() => window.__shownAt")).longValue() - pressed;
		System.out.println("The hall display showed the call " + shownMillis + " ms after the key press");
		assertThat(shownMillis).as("the hall shows the call within a second of the key press")
			.isLessThanOrEqualTo(1000);
		assertThat(display.locator("#announce")).containsText(number.replace('-', ' '));
		display.waitForFunction("() => window.__spoken.length >= 2");
		List<String> spoken = ((List<?>) display.evaluate("() => window.__spoken.map(s => s.lang + '|' + s.text)"))
			.stream()
			.map(String::valueOf)
			.toList();
		String spokenNumber = number.replace('-', ' ');
		assertThat(spoken).containsExactly("ja-JP|受付番号 " + spokenNumber + " 番の方、1番窓口へお越しください",
				"en-US|Ticket number " + spokenNumber + ", please come to counter 1.");
		Browser.assertAccessible(display, "the hall display");
		Browser.screenshot(display, "floor-display-ja-1920x1080");
		Browser.screenshot(counter, "floor-counter-called-ja-1366x768");

		// the holder does not come: absent; then comes back and is called again
		step(counter, () -> counter.keyboard().press("a"));
		Locator absentRow = counter.locator("tr.absent", new Page.LocatorOptions().setHas(counter.getByText(number)));
		assertThat(absentRow).isVisible();
		Browser.screenshot(counter, "floor-counter-absent-ja-1366x768");
		step(counter, () -> absentRow.locator("button").click());
		assertThat(counter.locator(".current .ticket-number")).hasText(number);
		display.waitForFunction("() => window.__spoken.length >= 4");
		assertThat(counter.locator(".current")).containsText("2回目");
		step(counter, () -> counter.keyboard().press("s"));
		assertThat(counter.locator(".current .state")).hasText("対応中");
		step(counter, () -> counter.keyboard().press("d"));
		assertThat(counter.locator(".success")).containsText(number);
	}

	@Test
	void aTransferReachesTheOtherDivisionsCounterWithItsNote() {
		String number = kioskTicket("certificates").path("number").asString();
		Page family = counter("floor-a", "2", "ja");
		Page insurance = counter("floor-b", "11", "ja");
		step(family, () -> family.locator("button[data-key=n]").click());
		assertThat(family.locator(".current .ticket-number")).hasText(number);
		family.locator("#transfer-queue").selectOption("C");
		family.locator("#transfer-note").fill("住民票は交付済み。国保加入の相談");
		step(family, () -> family.locator("form[action$='/transfer'] button").click());
		assertThat(family.locator(".success")).containsText(number);

		Locator arrived = insurance.locator("tr", new Page.LocatorOptions().setHas(insurance.getByText(number)));
		assertThat(arrived).containsText("住民票は交付済み。国保加入の相談");
		step(insurance, () -> insurance.locator("button[data-key=n]").click());
		assertThat(insurance.locator(".current")).containsText("引き継ぎメモ：住民票は交付済み。国保加入の相談");
		Browser.screenshot(insurance, "floor-counter-transferred-ja-1366x768");
	}

	@Test
	void twoCountersCallingAtOnceGetDifferentTicketsAndTheLoserOfARaceIsToldWhy() {
		String first = kioskTicket("move-out").path("number").asString();
		String second = kioskTicket("move-out").path("number").asString();
		String third = kioskTicket("move-out").path("number").asString();
		Page four = counter("floor-a", "4", "ja");
		Page five = counter("floor-b", "5", "ja");
		// both clerks press "call next" at the same moment
		sendAtOnce(four, five, "() => document.querySelector('button[data-key=n]')");
		String atFour = four.locator(".current .ticket-number").textContent().trim();
		String atFive = five.locator(".current .ticket-number").textContent().trim();
		assertThat(List.of(atFour, atFive)).containsExactlyInAnyOrder(first, second);
		for (Page clerk : List.of(four, five)) {
			step(clerk, () -> clerk.locator("button[data-key=s]").click());
			step(clerk, () -> clerk.locator("button[data-key=d]").click());
			assertThat(clerk.locator(".current .ticket-number")).not().isVisible();
		}

		// both press "call" on the same row at the same moment
		Page six = counter("floor-c", "6", "ja");
		four.reload();
		sendAtOnce(four, six, "() => [...document.querySelectorAll('tbody tr')].find(r => r.textContent.includes('"
				+ third + "')).querySelector('button')");
		Page winner = (four.locator(".current .ticket-number").count() > 0) ? four : six;
		Page loser = (winner == four) ? six : four;
		assertThat(winner.locator(".current .ticket-number")).hasText(third);
		assertThat(loser.locator("p.alert[role=alert]")).containsText("一瞬前に");
		assertThat(loser.locator("p.alert[role=alert]")).containsText(third);
		assertThat(loser.locator(".current")).not().containsText(third);
		assertThat(loser.locator(".next-up")).isVisible();
		Browser.screenshot(loser, "floor-counter-lost-race-ja-1366x768");
	}

	@Test
	void theIdleWarningComesBeforeTheSignOutAndLetsTheClerkStay() {
		BrowserContext context = screen(1366, 768, "ja");
		Page page = Floor.signIn(context, url(""), "floor-b", CLERK_PASSWORD);
		page.clock().install();
		page.navigate(url("/counter/konan/1"));
		assertThat(page.locator("#idle-warning")).isHidden();
		page.clock().fastForward("18:30");
		assertThat(page.locator("#idle-warning")).isVisible();
		assertThat(page.locator("#idle-warning button")).isFocused();
		Browser.assertAccessible(page, "the idle warning");
		Browser.screenshot(page, "floor-counter-idle-warning-ja-1366x768");
		page.keyboard().press("Enter");
		assertThat(page.locator("#idle-warning")).isHidden();
		page.clock().fastForward("25:00");
		page.waitForURL("**/staff/login?idle");
	}

	@Test
	void everyFloorScreenInEnglishAndThePortraitDisplay() {
		// a line in three divisions, so that every screen has something to show
		for (String procedure : List.of("certificates", "move-in", "health-insurance")) {
			kioskTicket(procedure);
		}
		webTicket("child-allowance");
		counter("3", "call-next");
		counter("12", "call-next");
		Page portrait = display(1080, 1920, "ja");
		Browser.assertAccessible(portrait, "the portrait display");
		Browser.screenshot(portrait, "floor-display-ja-1080x1920");
		Page english = display(1920, 1080, "en");
		english.navigate(url("/display/konan?lang=en"));
		Browser.assertAccessible(english, "the display in English");
		Browser.screenshot(english, "floor-display-en-1920x1080");
		Page englishPortrait = display(1080, 1920, "en");
		englishPortrait.navigate(url("/display/konan?lang=en"));
		Browser.screenshot(englishPortrait, "floor-display-en-1080x1920");

		Page kiosk = kiosk("en");
		for (Map.Entry<String, String> page : Map
			.of("start", "/kiosk/konan", "procedures", "/kiosk/konan/d/koseki", "check-in", "/kiosk/konan/check-in")
			.entrySet()) {
			for (String lang : List.of("ja", "en")) {
				kiosk.navigate(url(page.getValue() + "?lang=" + lang));
				Browser.assertAccessible(kiosk, "the kiosk's " + page.getKey() + " in " + lang);
				Browser.screenshot(kiosk, "floor-kiosk-" + page.getKey() + "-" + lang + "-1080x1920");
			}
		}
		for (String lang : List.of("zh-CN", "ko", "vi", "ja-easy")) {
			kiosk.navigate(url("/kiosk/konan?lang=" + lang));
			Browser.assertAccessible(kiosk, "the kiosk in " + lang);
			Browser.screenshot(kiosk, "floor-kiosk-start-" + lang + "-1080x1920");
		}

		Page counter = counter("floor-c", "9", "en");
		counter.navigate(url("/counter/konan/9?lang=en"));
		Browser.assertAccessible(counter, "the counter terminal in English");
		Browser.screenshot(counter, "floor-counter-en-1366x768");
		for (String page : List.of("/staff", "/counter/konan", "/admin")) {
			Page admin = Floor.signIn(screen(1366, 768, "ja"), url(""), "admin",
					jp.madoguchi.support.TestApplication.ADMIN_PASSWORD);
			for (String lang : List.of("ja", "en")) {
				admin.navigate(url(page + "?lang=" + lang));
				Browser.assertAccessible(admin, page + " in " + lang);
				Browser.screenshot(admin, "floor-staff" + page.replace('/', '-') + "-" + lang + "-1366x768");
			}
		}
		Page login = screen(1366, 768, "ja").newPage();
		login.navigate(url("/staff/login"));
		Browser.assertAccessible(login, "the sign-in page");
		Browser.screenshot(login, "floor-staff-login-ja-1366x768");
		Page unregistered = screen(1920, 1080, "ja").newPage();
		unregistered.navigate(url("/display/konan"));
		assertThat(unregistered.locator("h1")).hasText("この端末は登録されていません");
		Browser.assertAccessible(unregistered, "an unregistered display");
	}

}
