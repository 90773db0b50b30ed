package jp.madoguchi.support;

import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;

/**
 * The office floor in a browser: a clerk signing in, an administrator registering the
 * browser of a display or kiosk, and stubs that record what a display says and a kiosk
 * prints.
 */
public final class Floor {

	/**
	 * Records each announcement's text and language instead of speaking it; the utterance
	 * ends a moment later, as a short real one would.
	 */
	public static final String SPEECH_RECORDER = """
			window.__spoken = [];
			Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
			  speak: function (u) {
			    window.__spoken.push({ text: u.text, lang: u.lang, at: Date.now() });
			    setTimeout(function () { if (u.onend) { u.onend(); } }, 20);
			  },
			  cancel: function () {}
			}});
			""";

	/** Counts the kiosk's print requests instead of opening the print dialog. */
	public static final String PRINT_RECORDER = "window.__printed = 0; window.print = function () { window.__printed++; };";

	private Floor() {
	}

	/** Signs a staff member in on a new page of the context; answers the page. */
	public static Page signIn(BrowserContext context, String base, String username, String password) {
		Page page = context.newPage();
		page.navigate(base + "/staff/login");
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.locator("main form button[type=submit]").click();
		page.waitForURL("**/staff");
		return page;
	}

	/**
	 * Registers this browser as a display or kiosk of Konan, as an administrator does on
	 * the administration page, then signs the administrator out of it: the device keeps
	 * only its own credential. Answers the device's page.
	 */
	public static Page registerDevice(BrowserContext context, String base, String kind, String name) {
		Page page = signIn(context, base, "admin", TestApplication.ADMIN_PASSWORD);
		page.navigate(base + "/admin");
		page.locator("#device-office").selectOption("konan");
		page.locator("#device-kind").selectOption(kind);
		page.locator("#device-name").fill(name);
		page.locator("form[action$='/admin/devices'] button[type=submit]").click();
		page.waitForURL("**/" + (kind.equals("DISPLAY") ? "display" : "kiosk") + "/konan");
		context.clearCookies(new BrowserContext.ClearCookiesOptions().setName("mdg_staff"));
		return page;
	}

	/** Gives the browser a device credential made over the API. */
	public static void useDeviceToken(BrowserContext context, String base, String token) {
		context.addCookies(List.of(new Cookie("mdg_floor_device", token).setUrl(base)));
	}

}
