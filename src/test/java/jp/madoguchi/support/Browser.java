package jp.madoguchi.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's Chromium driven by Playwright, one per test class. {@code .ci/run} installs
 * Chromium; where it is missing the tests fail (they never skip). A machine without the
 * system browser but with internet can let Playwright use its own with
 * {@code -Dbrowser.path=playwright}.
 */
public final class Browser implements AutoCloseable {

	/** A phone (CSS pixels). */
	public static final int PHONE = 360;

	/** A laptop. */
	public static final int WIDE = 1280;

	/** A TV-sized display (1920 × 1080). */
	public static final int TV = 1920;

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final Playwright playwright;

	private final com.microsoft.playwright.Browser chromium;

	public Browser() {
		String path = System.getProperty("browser.path", "/usr/bin/chromium");
		boolean system = !"playwright".equals(path);
		if (system) {
			assertThat(Path.of(path)).as("Chromium for the browser tests (apt-get install -y chromium fonts-noto-cjk)")
				.isExecutable();
		}
		this.playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(system ? Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1") : Map.of()));
		BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
			.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage",
					// as the hall display's and kiosk's Chrome is started: chime without
					// a touch
					"--autoplay-policy=no-user-gesture-required"));
		if (system) {
			options.setExecutablePath(Path.of(path));
		}
		this.chromium = this.playwright.chromium().launch(options);
	}

	/**
	 * A fresh browser profile (its own cookies: a different phone) at a width, reading a
	 * language.
	 */
	public BrowserContext phone(int width, String acceptLanguage) {
		return this.chromium.newContext(
				new NewContextOptions().setViewportSize(width, (width < 800) ? 780 : (width < 1600) ? 900 : 1080)
					.setLocale(acceptLanguage)
					.setExtraHTTPHeaders(Map.of("Accept-Language", acceptLanguage)));
	}

	/**
	 * A fresh profile on a screen of the office floor (a counter PC, the hall's TV, the
	 * kiosk), in a language.
	 */
	public BrowserContext screen(int width, int height, String acceptLanguage) {
		return this.chromium.newContext(new NewContextOptions().setViewportSize(width, height)
			.setLocale(acceptLanguage)
			.setExtraHTTPHeaders(Map.of("Accept-Language", acceptLanguage)));
	}

	/** A profile with JavaScript switched off. */
	public BrowserContext withoutScript(int width, String acceptLanguage) {
		return this.chromium.newContext(new NewContextOptions().setViewportSize(width, 780)
			.setJavaScriptEnabled(false)
			.setExtraHTTPHeaders(Map.of("Accept-Language", acceptLanguage)));
	}

	/**
	 * Checks the page with axe-core for WCAG 2.0, 2.1 and 2.2 A and AA and fails with
	 * what it found.
	 */
	public static void assertAccessible(Page page, String what) {
		AxeResults results = new AxeBuilder(page)
			.withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
			.analyze();
		List<String> violations = results.getViolations().stream().map(Browser::describe).toList();
		assertThat(violations).as("axe-core violations on " + what + " (" + page.url() + ")").isEmpty();
	}

	private static String describe(Rule rule) {
		return rule.getId() + ": " + rule.getHelp() + " at "
				+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).toList();
	}

	/** Saves a full-page screenshot under {@code target/screenshots}. */
	public static void screenshot(Page page, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	@Override
	public void close() {
		this.chromium.close();
		this.playwright.close();
	}

}
