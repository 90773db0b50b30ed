package jp.madoguchi.citizen;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import jp.madoguchi.support.BrowserTest;
import jp.madoguchi.support.Browser;
import jp.madoguchi.support.H2;
import jp.madoguchi.ticketing.TicketService;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every citizen page in every state — before and after check-in, called, absent, done,
 * cancelled, expired, the office closed, and each kind of error — checked in Chromium:
 * axe-core finds no WCAG 2.2 AA violation at phone and wide widths in Japanese and
 * English, nothing scrolls sideways at 200% zoom on a 320 px screen, targets are at least
 * 44 px high, and each page weighs at most 150 KB. Screenshots of every page land in
 * {@code target/screenshots}.
 */
@ContextConfiguration(initializers = H2.class)
class CitizenPagesTest extends BrowserTest {

	private static final int MAX_PAGE_BYTES = 150 * 1024;

	@Autowired
	private TicketService tickets;

	@Test
	void everyPageInEveryStateIsAccessibleLightAndReflows() {
		Map<String, Consumer<Page>> scenes = scenesOfAnOpenDay();
		for (String language : List.of("ja", "en")) {
			for (int width : List.of(Browser.PHONE, Browser.WIDE)) {
				try (BrowserContext context = browser.phone(width, language)) {
					Page page = context.newPage();
					scenes.forEach((name, scene) -> {
						scene.accept(page);
						String what = name + " (" + language + ", " + width + " px)";
						assertThat(page.locator("html").getAttribute("lang")).as(what + " " + page.content())
							.isEqualTo(language);
						Browser.assertAccessible(page, what);
						assertTargetsAreLargeEnough(page, what);
						Browser.screenshot(page, name + "-" + language + "-" + width);
					});
				}
			}
		}
		for (String language : List.of("ja", "en")) {
			try (BrowserContext tv = browser.phone(Browser.TV, language)) {
				Page page = tv.newPage();
				scenes.forEach((name, scene) -> {
					scene.accept(page);
					Browser.screenshot(page, name + "-" + language + "-" + Browser.TV);
				});
			}
			try (BrowserContext zoomed = browser.phone(160, language)) {
				Page page = zoomed.newPage();
				scenes.forEach((name, scene) -> {
					scene.accept(page);
					Browser.screenshot(page, name + "-" + language + "-zoom200");
					assertNoSidewaysScrolling(page, name + " (" + language + ", 320 px at 200%)");
				});
			}
		}
		try (BrowserContext context = browser.phone(Browser.PHONE, "ja")) {
			Page page = context.newPage();
			scenes.forEach((name, scene) -> assertLight(page, scene, name));
		}
	}

	@Test
	void aClosedDayIsExplainedAccessibly() {
		this.clock.nextDay((day) -> day.getDayOfWeek() == DayOfWeek.SUNDAY, LocalTime.of(10, 0));
		for (String language : List.of("ja", "en")) {
			try (BrowserContext context = browser.phone(Browser.PHONE, language)) {
				Page page = context.newPage();
				page.navigate(url("/o/konan"));
				assertThat(page.locator("main")).containsText(language.equals("ja") ? "本日は閉庁日です" : "closed today");
				Browser.assertAccessible(page, "office closed (" + language + ")");
				Browser.screenshot(page, "office-closed-" + language + "-360");
				page.navigate(url("/o/konan/take"));
				assertThat(page.locator(".choice-link")).hasCount(0);
				Browser.assertAccessible(page, "take, office closed (" + language + ")");
				Browser.screenshot(page, "take-closed-" + language + "-360");
			}
		}
	}

	@Test
	void everyLanguageHasItsPagesWithTheRightLangAndFurigana() {
		this.clock.nextWeekday();
		JsonNode ticket = webTicket("certificates");
		Map<String, String> languages = Map.of("ja-easy", "ja", "zh-CN", "zh-Hans", "ko", "ko", "vi", "vi");
		try (BrowserContext context = browser.phone(Browser.PHONE, "ja")) {
			Page page = context.newPage();
			languages.forEach((code, htmlLang) -> {
				for (String path : List.of("/o/konan", "/o/konan/take/koseki/certificates", "/o/konan/rules",
						ticketPath(ticket))) {
					page.navigate(url(path + (path.contains("?") ? "&" : "?") + "lang=" + code));
					assertThat(page.locator("html")).hasAttribute("lang", htmlLang);
					Browser.assertAccessible(page, path + " in " + code);
				}
				Browser.screenshot(page, "ticket-" + code + "-360");
			});
			page.navigate(url(ticketPath(ticket) + "&lang=ja-easy"));
			assertThat(page.locator("#live").getAttribute("data-announce")).as("what a screen reader hears")
				.startsWith("番号札 A-")
				.doesNotContain("《");
			page.navigate(url("/o/konan?lang=ja-easy"));
			assertThat(page.locator("main ruby").first()).isVisible();
			// the office's own names and what to bring carry furigana too
			assertThat(page.locator("#div-koseki rt")).containsText("こせきか");
			page.navigate(url("/o/konan/take/koseki/certificates"));
			assertThat(page.locator(".facts")).containsText("あなただと わかる もの");
			assertThat(page.locator("rt").first()).isVisible();
			page.navigate(url("/o/konan?furigana=off"));
			assertThat(page.locator("rt").first()).isHidden();
			page.navigate(url("/o/konan"));
			// the choice is remembered
			assertThat(page.locator("rt").first()).isHidden();
			Browser.screenshot(page, "office-ja-easy-no-furigana-360");
			page.navigate(url("/o/konan?furigana=on"));
			Browser.screenshot(page, "office-ja-easy-360");
		}
	}

	/**
	 * The pages of a business day: each scene brings the page to its state (making the
	 * tickets it needs through the API).
	 */
	private Map<String, Consumer<Page>> scenesOfAnOpenDay() {
		this.clock.nextWeekday();
		for (int i = 0; i < 6; i++) {
			kioskTicket("certificates");
		}
		kioskTicket("move-out");
		JsonNode issued = webTicket("certificates");
		JsonNode passedOver = webTicket("health-insurance");
		kioskTicket("health-insurance");
		assertThat(counter("11", "call-next").status()).isEqualTo(200);
		JsonNode waiting = checkedIn(webTicket("child-allowance"));
		JsonNode called = checkedIn(webTicket("tax-certificate"));
		call("31", called);
		JsonNode absent = checkedIn(webTicket("disability-certificate"));
		call("41", absent);
		assertThat(counter("41", "absent").status()).isEqualTo(200);
		JsonNode done = checkedIn(webTicket("move-in"));
		call("4", done);
		assertThat(counter("4", "start").status()).isEqualTo(200);
		assertThat(counter("4", "done").status()).isEqualTo(200);
		JsonNode cancelled = webTicket("national-pension");
		assertThat(api().bearer(cancelled.path("token").asString())
			.delete("/api/v1/tickets/" + cancelled.path("id").asString())
			.status()).isEqualTo(200);

		Map<String, Consumer<Page>> scenes = new LinkedHashMap<>();
		scenes.put("office", (page) -> page.navigate(url("/o/konan")));
		scenes.put("take-division", (page) -> page.navigate(url("/o/konan/take")));
		scenes.put("take-procedure", (page) -> page.navigate(url("/o/konan/take/koseki")));
		scenes.put("take-confirm", (page) -> page.navigate(url("/o/konan/take/koseki/certificates")));
		scenes.put("take-confirm-error", (page) -> {
			// the second ticket for one line from one phone is refused
			for (int i = 0; i < 2; i++) {
				page.navigate(url("/o/konan/take/koseki/move-out"));
				page.click("#take-form button[type=submit]");
			}
			assertThat(page.locator("#error")).isVisible();
		});
		scenes.put("ticket-issued", (page) -> page.navigate(url(ticketPath(issued))));
		scenes.put("ticket-passed-over", (page) -> {
			page.navigate(url(ticketPath(passedOver)));
			assertThat(page.locator("#live .warn").first()).isVisible();
		});
		scenes.put("ticket-check-in-error", (page) -> {
			page.navigate(url(ticketPath(issued)));
			page.fill("#code", "ZZZZZZ");
			page.click("#live form button[type=submit]");
			assertThat(page.locator("#error")).isVisible();
		});
		scenes.put("ticket-waiting", (page) -> page.navigate(url(ticketPath(waiting))));
		scenes.put("ticket-called", (page) -> page.navigate(url(ticketPath(called))));
		scenes.put("ticket-absent", (page) -> page.navigate(url(ticketPath(absent))));
		scenes.put("ticket-done", (page) -> page.navigate(url(ticketPath(done))));
		scenes.put("ticket-cancelled", (page) -> page.navigate(url(ticketPath(cancelled))));
		scenes.put("cancel-confirm", (page) -> page.navigate(url(ticketPath(issued).replace("?k=", "/cancel?k="))));
		scenes.put("check-in-without-ticket", (page) -> page.navigate(url("/o/konan/check-in?c=ABCDEF")));
		scenes.put("rules", (page) -> page.navigate(url("/o/konan/rules")));
		scenes.put("error-unknown-ticket", (page) -> page.navigate(url("/o/konan/tickets/" + UUID.randomUUID())));
		scenes.put("error-unknown-office", (page) -> page.navigate(url("/o/nowhere")));
		return scenes;
	}

	@Test
	void anExpiredTicketSaysSo() {
		this.clock.nextWeekday();
		JsonNode ticket = webTicket("certificates");
		this.clock.at(LocalTime.of(17, 5));
		this.tickets.expireClosed(KONAN);
		try (BrowserContext context = browser.phone(Browser.PHONE, "ja")) {
			Page page = context.newPage();
			page.navigate(url(ticketPath(ticket)));
			assertThat(page.locator("#live")).containsText("受付時間が終了しました");
			Browser.assertAccessible(page, "expired ticket");
			Browser.screenshot(page, "ticket-expired-ja-360");
		}
	}

	private JsonNode checkedIn(JsonNode ticket) {
		assertThat(api().bearer(ticket.path("token").asString())
			.post("/api/v1/tickets/" + ticket.path("id").asString() + "/check-in", Map.of("code", checkInCode()))
			.status()).isEqualTo(200);
		return ticket;
	}

	private void call(String counter, JsonNode ticket) {
		assertThat(staff()
			.post("/api/v1/offices/konan/counters/" + counter + "/call",
					Map.of("number", ticket.path("number").asString()))
			.status()).isEqualTo(200);
	}

	static String ticketPath(JsonNode ticket) {
		return "/o/konan/tickets/" + ticket.path("id").asString() + "?k=" + ticket.path("token").asString();
	}

	private static void assertTargetsAreLargeEnough(Page page, String what) {
		Object small = page.evaluate("""
				() => [...document.querySelectorAll('.button, button, .choice-link, input[type=text],'
				    + ' input[type=email], input[type=number], .prefs a')]
				  .filter((e) => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
				  .map((e) => e.outerHTML.slice(0, 80))""");
		assertThat((List<?>) small).as("targets under 44 px on " + what).isEmpty();
	}

	private static void assertNoSidewaysScrolling(Page page, String what) {
		Object overflow = page
			.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
		Object widest = page.evaluate("""
				() => [...document.querySelectorAll('body *')]
				  .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
				  .map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
				  .slice(0, 5)""");
		assertThat(((Number) overflow).intValue()).as("sideways scrolling on " + what + ": " + widest)
			.isLessThanOrEqualTo(0);
	}

	/**
	 * Loads a page and adds up, from the browser's own resource timing, the bytes of the
	 * page and everything it loaded (the live stream aside), before compression.
	 */
	private static void assertLight(Page page, Consumer<Page> scene, String name) {
		scene.accept(page);
		page.waitForLoadState();
		Object bytes = page.evaluate("""
				() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
				  .filter((entry) => !entry.name.includes('/events'))
				  .reduce((sum, entry) => sum + entry.decodedBodySize, 0)""");
		assertThat(((Number) bytes).intValue()).as(name + " weighs (uncompressed)")
			.isPositive()
			.isLessThanOrEqualTo(MAX_PAGE_BYTES);
	}

}
