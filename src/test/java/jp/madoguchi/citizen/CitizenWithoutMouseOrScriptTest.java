package jp.madoguchi.citizen;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import jp.madoguchi.support.BrowserTest;
import jp.madoguchi.support.Browser;
import jp.madoguchi.support.H2;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.ContextConfiguration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole flow by keyboard alone (a screen-reader or switch user), and the whole flow
 * with JavaScript switched off (an old phone, a strict browser): take a ticket, check in,
 * cancel.
 */
@ContextConfiguration(initializers = H2.class)
class CitizenWithoutMouseOrScriptTest extends BrowserTest {

	@Test
	void theWholeFlowWorksByKeyboardAlone() {
		this.clock.nextWeekday();
		try (BrowserContext context = browser.phone(Browser.PHONE, "ja")) {
			Page page = context.newPage();
			page.navigate(url("/o/konan"));
			tabToAndPress(page, "a[href='/o/konan/take']", "Enter");
			tabToAndPress(page, "a[href='/o/konan/take/hoken-nenkin']", "Enter");
			tabToAndPress(page, "a[href='/o/konan/take/hoken-nenkin/health-insurance']", "Enter");
			tabTo(page, "#travel");
			page.keyboard().type("15");
			tabToAndPress(page, "#take-form button[type=submit]", "Enter");
			assertThat(page.locator(".ticket-number")).hasText("C-1");

			String code = checkInCode();
			tabTo(page, "#code");
			page.keyboard().type(code.toLowerCase());
			String ticketPage = page.url();
			page.keyboard().press("Enter");
			page.waitForURL((url) -> !url.equals(ticketPage));
			assertThat(page.locator("[role=status]")).containsText("チェックインしました");

			tabToAndPress(page, "a[href*='/cancel']", "Enter");
			tabToAndPress(page, "form button.danger", "Space");
			assertThat(page.locator("#live")).containsText("取り消しました");
		}
	}

	@Test
	void theWholeFlowWorksWithoutJavaScript() {
		this.clock.nextWeekday();
		try (BrowserContext context = browser.withoutScript(Browser.PHONE, "en")) {
			Page page = context.newPage();
			page.navigate(url("/o/konan/take/zeimu/tax-certificate"));
			assertThat(page.locator("#notify-push-option")).isHidden();
			page.click("#take-form button[type=submit]");
			assertThat(page.locator(".ticket-number")).hasText("E-1");
			// the page belongs to this phone, also after the browser is closed and opened
			// again
			Cookie device = context.cookies()
				.stream()
				.filter((cookie) -> cookie.name.equals("mdg_device"))
				.findFirst()
				.orElseThrow();
			assertThat(device.httpOnly).isTrue();
			assertThat(device.sameSite).isEqualTo(SameSiteAttribute.LAX);
			assertThat(device.expires).as("seconds since the epoch")
				.isGreaterThan(System.currentTimeMillis() / 1000.0 + 300 * 24 * 3600);
			assertThat(page.locator("a", new Page.LocatorOptions().setHasText("Refresh"))).isVisible();
			page.fill("#code", checkInCode());
			page.click("#live form button[type=submit]");
			assertThat(page.locator("[role=status]")).containsText("You are checked in");
			page.navigate(url("/o/konan"));
			assertThat(page.locator("#mine-heading")).hasText("Your tickets");
			Browser.screenshot(page, "office-with-my-ticket-no-script-en-360");
		}
	}

	/**
	 * Presses Tab until the element is focused (failing after a page's worth of stops).
	 */
	private static void tabTo(Page page, String selector) {
		for (int i = 0; i < 80; i++) {
			page.keyboard().press("Tab");
			Object focused = page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)",
					selector);
			if (Boolean.TRUE.equals(focused)) {
				Object visible = page
					.evaluate("() => getComputedStyle(document.activeElement).outlineStyle !== 'none'");
				assertThat(visible).as("focus is visible on " + selector).isEqualTo(Boolean.TRUE);
				return;
			}
		}
		throw new AssertionError("Tab never reached " + selector + " on " + page.url());
	}

	/** Tabs to a link or button and presses a key on it, which leads to another page. */
	private static void tabToAndPress(Page page, String selector, String key) {
		tabTo(page, selector);
		String before = page.url();
		page.keyboard().press(key);
		page.waitForURL((url) -> !url.equals(before));
	}

}
