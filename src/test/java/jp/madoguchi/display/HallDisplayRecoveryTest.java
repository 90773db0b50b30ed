package jp.madoguchi.display;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import jp.madoguchi.support.Api;
import jp.madoguchi.support.AppProcess;
import jp.madoguchi.support.Browser;
import jp.madoguchi.support.Floor;
import jp.madoguchi.support.H2;
import jp.madoguchi.support.TestApplication;
import jp.madoguchi.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hall display through a server restart: it says 「接続が切れています」 while the server is gone
 * (and while the hall's network is cut), reconnects by itself, catches up on the calls
 * made while it was away without chiming for them, and shows and announces the calls made
 * afterwards.
 */
class HallDisplayRecoveryTest {

	@TempDir
	Path temp;

	@Test
	void theDisplayRecoversFromAServerRestartWithoutReplayingOldChimes() throws Exception {
		String url = "jdbc:h2:file:" + this.temp.resolve("db/madoguchi") + H2.SETTINGS + ";WRITE_DELAY=0";
		LocalDate day = new TestClock().nextWeekday();
		String[] arguments = { "--spring.datasource.url=" + url, "--spring.datasource.username=sa",
				"--spring.datasource.password=", "--madoguchi.admin.password=" + TestApplication.ADMIN_PASSWORD,
				"--madoguchi.clock.start=" + day + "T09:00+09:00", "--logging.level.root=WARN" };
		Path log = Files.createTempFile(this.temp, "app", ".log");
		try (AppProcess app = new AppProcess(log, arguments).start();
				Browser browser = new Browser();
				BrowserContext hall = browser.screen(1920, 1080, "ja")) {
			String base = "http://127.0.0.1:" + app.port();
			Api staff = app.api().asAdmin();
			String token = staff.post("/api/v1/offices/konan/devices", Map.of("kind", "DISPLAY", "name", "hall"))
				.text("token");
			Floor.useDeviceToken(hall, base, token);
			hall.addInitScript(Floor.SPEECH_RECORDER);
			Page display = hall.newPage();
			display.navigate(base + "/display/konan");
			display.waitForFunction("() => !document.documentElement.classList.contains('offline')");

			String before = paperTicket(staff);
			staff.post("/api/v1/offices/konan/counters/1/call-next");
			waitForNewestCall(display, before);
			display.waitForFunction("() => window.__spoken.length >= 2");

			app.killHard();
			assertThat(display.locator("[data-offline]")).isVisible(
					new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
			assertThat(display.locator("[data-offline]")).containsText("接続が切れています");
			Browser.screenshot(display, "floor-display-offline-ja-1920x1080");

			// the hall's network is cut too, so that a call happens while the display is
			// away
			hall.setOffline(true);
			app.start();
			Api again = app.api().asAdmin();
			finish(again);
			String missed = paperTicket(again);
			again.post("/api/v1/offices/konan/counters/1/call-next");
			hall.setOffline(false);
			assertThat(display.locator("[data-offline]")).isHidden(
					new com.microsoft.playwright.assertions.LocatorAssertions.IsHiddenOptions().setTimeout(30_000));
			waitForNewestCall(display, missed);
			Thread.sleep(1500);
			List<?> spokenSoFar = (List<?>) display.evaluate("() => window.__spoken.map(s => s.text)");
			assertThat(spokenSoFar).as("no chime for a call made while the display was away")
				.noneMatch((text) -> String.valueOf(text).contains(missed.replace('-', ' ')));

			// a call made afterwards: shown and announced
			finish(again);
			String after = paperTicket(again);
			again.post("/api/v1/offices/konan/counters/1/call-next");
			waitForNewestCall(display, after);
			display.waitForFunction("n => window.__spoken.filter(s => s.text.includes(n)).length >= 2",
					after.replace('-', ' '));
			List<?> spoken = (List<?>) display.evaluate("() => window.__spoken.map(s => s.lang + '|' + s.text)");
			assertThat(spoken).filteredOn((s) -> String.valueOf(s).contains(after.replace('-', ' '))).hasSize(2);
		}
	}

	/** Counter 1 serves its called ticket and finishes. */
	private static void finish(Api staff) {
		assertThat(staff.post("/api/v1/offices/konan/counters/1/start").status()).isEqualTo(200);
		assertThat(staff.post("/api/v1/offices/konan/counters/1/done").status()).isEqualTo(200);
	}

	private static String paperTicket(Api staff) {
		return staff.post("/api/v1/offices/konan/tickets", Map.of("procedure", "certificates", "channel", "kiosk"))
			.text("number");
	}

	private static void waitForNewestCall(Page display, String number) {
		display.waitForFunction(
				"n => { const c = document.querySelector('.calls li.newest .call-number');"
						+ " return c && c.textContent.trim() === n; }",
				number, new Page.WaitForFunctionOptions().setTimeout(30_000));
	}

}
