package jp.madoguchi.staff;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jp.madoguchi.support.AppTest;
import jp.madoguchi.support.Phone;
import jp.madoguchi.support.TestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff sign-in done properly: BCrypt behind the delegating encoder, a new session id at
 * sign-in, lock after repeated failures, CSRF on every form, the session cookie's flags,
 * the security headers, the idle sign-out that the page's own refreshes do not postpone,
 * and accounts an administrator disables or re-roles losing their sessions at once.
 */
abstract class StaffSignInTests extends AppTest {

	private static final String PASSWORD = "a-long-clerk-password";

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private String clerk;

	@BeforeEach
	void newClerk() {
		this.clock.nextWeekday();
		this.clerk = "clerk-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(this.clerk, PASSWORD, KONAN, StaffRole.STAFF);
	}

	@Test
	void passwordsAreStoredWithBcryptBehindTheDelegatingEncoder() {
		String hash = this.jdbc.sql("SELECT password_hash FROM staff_account WHERE username = ?")
			.param(this.clerk)
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}$2");
		assertThat(hash).doesNotContain(PASSWORD);
	}

	@Test
	void signingInGivesANewSessionWithSafeCookieFlags() throws Exception {
		Phone browser = new Phone(this.port, "ja");
		Phone.Page form = browser.get("/staff/login");
		String before = browser.cookie("mdg_staff");
		assertThat(before).as("a session holds the sign-in form's CSRF token").isNotNull();
		Phone.Page home = browser.submit("/staff/login", Map.of("username", this.clerk, "password", PASSWORD));
		assertThat(home.path()).isEqualTo("/staff");
		assertThat(home.html()).contains(this.clerk);
		assertThat(browser.cookie("mdg_staff")).as("session fixation: a new id at sign-in").isNotEqualTo(before);

		var response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/staff/login"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		String setCookie = response.headers().firstValue("Set-Cookie").orElse("");
		assertThat(setCookie).startsWith("mdg_staff=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
		assertThat(setCookie).as("Secure only over HTTPS (and behind a TLS proxy)").doesNotContain("Secure");
		assertThat(response.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'")
			.contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(form.html()).contains("autocomplete=\"current-password\"");
	}

	@Test
	void httpsGetsStrictTransportSecurityAndASecureCookie() throws Exception {
		var response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/staff/login"))
				.header("X-Forwarded-Proto", "https")
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
		assertThat(response.headers().firstValue("Set-Cookie").orElse("")).contains("Secure");
	}

	@Test
	void repeatedWrongPasswordsLockTheAccountForAWhileAndAnAdministratorCanUnlockIt() {
		Phone browser = new Phone(this.port, "ja");
		for (int i = 0; i < StaffAccounts.FREE_FAILURES; i++) {
			assertThat(browser.signIn(this.clerk, "wrong-" + i).path()).isEqualTo("/staff/login?error");
		}
		Phone.Page locked = browser.signIn(this.clerk, "wrong-again");
		assertThat(locked.path()).startsWith("/staff/login?locked=");
		assertThat(locked.html()).contains("ロックされています");
		assertThat(browser.signIn(this.clerk, PASSWORD).path()).as("even the right password, while locked")
			.startsWith("/staff/login?locked=");

		this.clock.advance(Duration.ofMinutes(2));
		assertThat(new Phone(this.port, "ja").signIn(this.clerk, PASSWORD).path()).as("after the lock")
			.isEqualTo("/staff");

		for (int i = 0; i <= StaffAccounts.FREE_FAILURES + 1; i++) {
			browser.signIn(this.clerk, "wrong-" + i);
		}
		assertThat(this.accounts.find(this.clerk).orElseThrow().locked()).isTrue();
		assertThat(StaffAccounts.lockFor(StaffAccounts.FREE_FAILURES + 2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(StaffAccounts.lockFor(40)).isEqualTo(StaffAccounts.LONGEST_LOCK);

		Phone admin = new Phone(this.port, "ja");
		admin.signIn("admin", TestApplication.ADMIN_PASSWORD);
		admin.get("/admin");
		Phone.Page unlocked = admin.submit("/admin/accounts/" + this.clerk, Map.of("action", "unlock"));
		assertThat(unlocked.html()).contains("ロックを解除しました");
		assertThat(new Phone(this.port, "ja").signIn(this.clerk, PASSWORD).path()).isEqualTo("/staff");
	}

	@Test
	void everyFormNeedsItsCsrfToken() {
		Phone browser = new Phone(this.port, "ja");
		browser.signIn(this.clerk, PASSWORD);
		browser.get("/counter/konan/1");
		Phone.Page forged = browser.submitWithoutToken("/counter/konan/1/call-next", Map.of());
		assertThat(forged.path()).isEqualTo("/staff/login?expired");
		Phone login = new Phone(this.port, "ja");
		login.get("/staff/login");
		assertThat(
				login.submitWithoutToken("/staff/login", Map.of("username", this.clerk, "password", PASSWORD)).path())
			.as("the sign-in form too")
			.isNotEqualTo("/staff");
	}

	@Test
	void aClerkWhoDoesNothingIsSignedOutButTheScreensOwnRefreshesDoNotCount() {
		Phone browser = new Phone(this.port, "ja");
		browser.signIn(this.clerk, PASSWORD);
		assertThat(browser.get("/counter/konan/1").status()).isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(15));
		Map<String, String> background = Map.of(StaffIdleTimeout.BACKGROUND_HEADER, "1");
		assertThat(browser.get("/counter/konan/1/live", background).status()).isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(6));
		assertThat(browser.get("/counter/konan/1/live", background).status()).as("21 minutes without the clerk")
			.isEqualTo(401);
		assertThat(browser.get("/counter/konan/1").path()).startsWith("/staff/login");

		Phone patient = new Phone(this.port, "ja");
		patient.signIn(this.clerk, PASSWORD);
		patient.get("/staff");
		patient.submit("/staff/idle", Map.of("minutes", "60"));
		this.clock.advance(Duration.ofMinutes(50));
		assertThat(patient.get("/counter/konan/1").path()).as("the clerk chose an hour").isEqualTo("/counter/konan/1");
		this.clock.advance(Duration.ofMinutes(59));
		Phone.Page extended = patient.submit("/staff/session", Map.of());
		assertThat(extended.html()).as("the warning's button").isEqualTo("{\"secondsLeft\":3600}");
	}

	@Test
	void disablingOrReRolingAnAccountEndsItsSessions() {
		Phone clerk = new Phone(this.port, "ja");
		clerk.signIn(this.clerk, PASSWORD);
		assertThat(clerk.get("/counter/konan/1").status()).isEqualTo(200);

		Phone admin = new Phone(this.port, "ja");
		admin.signIn("admin", TestApplication.ADMIN_PASSWORD);
		admin.get("/admin");
		admin.submit("/admin/accounts/" + this.clerk, Map.of("action", "disable"));
		assertThat(clerk.get("/counter/konan/1").path()).startsWith("/staff/login");
		assertThat(clerk.signIn(this.clerk, PASSWORD).path()).isEqualTo("/staff/login?error");
		assertThat(staffApi(this.clerk).get("/api/v1/offices/konan/tickets").status()).as("nor over the API")
			.isEqualTo(401);

		admin.get("/admin");
		admin.submit("/admin/accounts/" + this.clerk, Map.of("action", "enable"));
		admin.get("/admin");
		admin.submit("/admin/accounts/" + this.clerk, Map.of("action", "role", "role", "ADMIN"));
		Phone promoted = new Phone(this.port, "ja");
		promoted.signIn(this.clerk, PASSWORD);
		assertThat(promoted.get("/admin").status()).isEqualTo(200);
	}

	@Test
	void theLastAdministratorCannotBeDisabledAndNobodyDisablesThemselves() {
		Phone admin = new Phone(this.port, "ja");
		admin.signIn("admin", TestApplication.ADMIN_PASSWORD);
		admin.get("/admin");
		Phone.Page self = admin.submit("/admin/accounts/admin", Map.of("action", "disable"));
		assertThat(self.html()).contains("自分のアカウントは無効にできません");
		admin.get("/admin");
		Phone.Page weak = admin.submit("/admin/accounts",
				Map.of("username", "new-" + this.clerk, "password", "short", "office", "konan", "role", "STAFF"));
		assertThat(weak.html()).contains("パスワードは12文字以上");
		assertThat(this.accounts.find("new-" + this.clerk)).isEmpty();
		admin.get("/admin");
		Phone.Page taken = admin.submit("/admin/accounts",
				Map.of("username", this.clerk, "password", PASSWORD, "office", "konan", "role", "STAFF"));
		assertThat(taken.html()).contains("すでに使われています");
	}

	private jp.madoguchi.support.Api staffApi(String username) {
		return api().asStaff(username, PASSWORD);
	}

}
