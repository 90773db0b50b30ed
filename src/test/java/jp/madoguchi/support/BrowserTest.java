package jp.madoguchi.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A running application and one Chromium for the test class. */
public abstract class BrowserTest extends AppTest {

	protected static Browser browser;

	@BeforeAll
	static void openBrowser() {
		browser = new Browser();
	}

	@AfterAll
	static void closeBrowser() {
		browser.close();
	}

	/** The address of a page of the running application. */
	protected String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
