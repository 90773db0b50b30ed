package jp.madoguchi.citizen;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import jp.madoguchi.support.Api;
import jp.madoguchi.support.AppTest;
import jp.madoguchi.support.H2;
import jp.madoguchi.support.Phone;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fair-use rules of web tickets, each through the pages as a phone without script
 * sees them: one open ticket per phone per line, per-phone and per-address limits (429
 * with a message that says what to do), the per-procedure web window, check-in codes that
 * say why they do not work, and a ticket page no other phone can open or cancel.
 */
@ContextConfiguration(initializers = H2.class)
@TestPropertySource(properties = { "madoguchi.limits.per-device=3", "madoguchi.limits.per-address=5",
		"madoguchi.office.definitions=classpath:offices/konan.yaml,classpath:offices/minami.yaml" })
class CitizenRulesTest extends AppTest {

	@Test
	void aPhoneHoldsOneOpenTicketPerLine() {
		this.clock.nextWeekday();
		Phone phone = new Phone(this.port, "ja");
		String first = take(phone, "koseki", "certificates").ticketId();
		Phone.Page second = take(phone, "koseki", "certificates");
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.html()).contains("この窓口の番号札").contains("すでにお持ちです");
		assertThat(take(phone, "hoken-nenkin", "health-insurance").status()).as("another line").isEqualTo(200);

		phone.get("/o/konan/tickets/" + first + "/cancel");
		phone.submit("/o/konan/tickets/" + first + "/cancel", Map.of());
		assertThat(take(phone, "koseki", "certificates").status()).as("after cancelling").isEqualTo(200);
	}

	@Test
	void aPhoneMayTakeOnlySoManyTicketsAnHour() {
		this.clock.nextWeekday();
		Phone phone = new Phone(this.port, "en");
		assertThat(take(phone, "koseki", "certificates").status()).isEqualTo(200);
		assertThat(take(phone, "hoken-nenkin", "health-insurance").status()).isEqualTo(200);
		assertThat(take(phone, "kodomo-katei", "child-allowance").status()).isEqualTo(200);
		Phone.Page refused = take(phone, "zeimu", "tax-certificate");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.html()).contains("Too many tickets from this phone (at most 3 in 60 minutes)")
			.contains("ticket machine");

		this.clock.advance(Duration.ofMinutes(25));
		assertThat(take(phone, "zeimu", "tax-certificate").status()).as("a share comes back with time").isEqualTo(200);
	}

	@Test
	void oneAddressMayTakeOnlySoManyTicketsAnHour() {
		this.clock.nextWeekday();
		for (int i = 0; i < 5; i++) {
			assertThat(take(new Phone(this.port, "ja"), "koseki", "certificates").status()).isEqualTo(200);
		}
		Phone.Page refused = take(new Phone(this.port, "ja"), "koseki", "certificates");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.html()).contains("同じネットワークからの発券が多すぎます");
		Api.Response api = api().english()
			.with("Idempotency-Key", java.util.UUID.randomUUID().toString())
			.post("/api/v1/offices/konan/tickets", Map.of("procedure", "certificates"));
		assertThat(api.status()).as("the API shares the address's share").isEqualTo(429);
		assertThat(api.header("Content-Type")).startsWith("application/problem+json");
		assertThat(api.text("detail")).contains("Too many tickets from the same network");
		assertThat(kioskTicket("certificates").path("number").asString()).as("paper tickets are not limited")
			.startsWith("A-");
	}

	@Test
	void aProcedureCanCloseItsWebWindowEarly() {
		this.clock.nextWeekday();
		this.clock.at(LocalTime.of(15, 45));
		Phone phone = new Phone(this.port, "ja");
		Phone.Page procedures = phone.get("/o/konan/take/koseki");
		assertThat(procedures.html()).contains("本日のWEB発券は終了しました");
		Phone.Page moveIn = take(phone, "koseki", "move-in");
		assertThat(moveIn.status()).isEqualTo(409);
		assertThat(moveIn.html()).contains("本日のWEB発券の受付時間は終了しました");
		assertThat(take(phone, "koseki", "move-out").status()).as("its neighbour still takes web tickets")
			.isEqualTo(200);
	}

	@Test
	void webTicketsStopByThemselvesWhenTheWaitWouldPassClosingTime() {
		this.clock.nextWeekday();
		this.clock.at(LocalTime.of(15, 0));
		for (int i = 0; i < 40; i++) {
			kioskTicket("long-term-care-application");
		}
		Phone phone = new Phone(this.port, "ja");
		assertThat(phone.get("/o/konan").html()).contains("待ち時間が閉庁時刻を超えるため、WEB発券を停止しています");
		Phone.Page refused = take(phone, "korei-shogai", "long-term-care-application");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.html()).contains("閉庁時刻までにご案内できないため");
		assertThat(take(phone, "koseki", "certificates").status()).as("a shorter line still takes web tickets")
			.isEqualTo(200);
	}

	@Test
	void checkInCodesThatDoNotWorkSayWhy() {
		this.clock.nextWeekday();
		Phone phone = new Phone(this.port, "ja");
		String ticket = take(phone, "koseki", "certificates").ticketId();
		String code = checkInCode();

		this.clock.advance(Duration.ofMinutes(60));
		Phone.Page photo = phone.get("/o/konan/check-in?c=" + code);
		assertThat(photo.status()).isEqualTo(422);
		assertThat(photo.html()).contains("有効期限が切れています");

		String minami = staff().get("/api/v1/offices/minami/check-in-code").text("code");
		Phone.Page otherOffice = phone.get("/o/konan/check-in?c=" + minami);
		assertThat(otherOffice.html()).contains("別の庁舎のもの");

		String today = checkInCode();
		this.clock.nextWeekday();
		Phone.Page yesterday = phone.get("/o/konan/check-in?c=" + today);
		assertThat(yesterday.html()).contains("この端末で取った本日の番号札").as("yesterday's ticket expired with its day");
		String newTicket = take(phone, "koseki", "certificates").ticketId();
		Phone.Page oldCode = phone.get("/o/konan/check-in?c=" + today);
		assertThat(oldCode.html()).contains("別の日のもの");

		Phone.Page typed = phone.submit("/o/konan/tickets/" + newTicket + "/check-in", Map.of("code", "ZZZZZZ"));
		assertThat(typed.status()).isEqualTo(422);
		assertThat(typed.html()).contains("チェックインコードが正しくないか");
		Phone.Page ok = phone.get("/o/konan/check-in?c=" + checkInCode());
		assertThat(ok.path()).contains("/tickets/" + newTicket).contains("done=checked-in");
		assertThat(ok.html()).contains("チェックインしました");
		assertThat(ticket).isNotEqualTo(newTicket);
	}

	@Test
	void aTicketPageOpensOnlyForItsPhoneOrItsLink() {
		this.clock.nextWeekday();
		Phone mine = new Phone(this.port, "ja");
		String id = take(mine, "koseki", "certificates").ticketId();
		Phone stranger = new Phone(this.port, "ja");
		assertThat(stranger.get("/o/konan/tickets/" + id).status()).isEqualTo(404);
		assertThat(stranger.get("/o/konan/tickets/" + id + "?k=t1.forged").status()).isEqualTo(404);
		assertThat(stranger.get("/o/konan/tickets/" + id + "/cancel").status()).isEqualTo(404);
		stranger.get("/o/konan/take/koseki/certificates");
		assertThat(stranger.submit("/o/konan/tickets/" + id + "/cancel", Map.of()).status())
			.as("with a form token of its own")
			.isEqualTo(404);
		assertThat(mine.get("/o/konan/tickets/" + id).html()).as("still open").contains("チェックイン前");

		JsonNode viaApi = webTicket("certificates");
		Phone anyone = new Phone(this.port, "en");
		assertThat(anyone.get(CitizenPagesTest.ticketPath(viaApi)).status()).as("the token link").isEqualTo(200);

		Phone reopened = mine;
		assertThat(reopened.get("/o/konan").html()).as("the office page leads back to it")
			.contains("/o/konan/tickets/" + id);
	}

	@Test
	void aFormSentWithoutItsTokenGetsAPageThatSaysWhatToDo() {
		this.clock.nextWeekday();
		Phone fresh = new Phone(this.port, "ja");
		Phone.Page refused = fresh.submit("/o/konan/take/koseki/certificates", Map.of("notify", "none"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.html()).contains("<html lang=\"ja\"").contains("ページを開き直してから");
		assertThat(webTicket("certificates").path("number").asString()).as("the API needs no form token")
			.startsWith("A-");
	}

	private static Phone.Page take(Phone phone, String division, String procedure) {
		String path = "/o/konan/take/" + division + "/" + procedure;
		Phone.Page form = phone.get(path);
		assertThat(form.status()).as(form.html()).isEqualTo(200);
		String key = form.hidden("key");
		return phone.submit(path, Map.of("key", key, "notify", "none", "travel", ""));
	}

}
