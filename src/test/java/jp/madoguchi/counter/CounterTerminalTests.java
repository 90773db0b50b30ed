package jp.madoguchi.counter;

import java.util.Map;
import java.util.UUID;

import jp.madoguchi.staff.StaffAccounts;
import jp.madoguchi.staff.StaffRole;
import jp.madoguchi.support.AppTest;
import jp.madoguchi.support.Phone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counter terminal over HTTP, without a browser: every step answers with the terminal
 * again and a message, a refused step changes nothing and says why, and a counter pauses,
 * resumes and closes — never with a holder standing at it.
 */
abstract class CounterTerminalTests extends AppTest {

	private static final String PASSWORD = "a-long-clerk-password";

	@Autowired
	private StaffAccounts accounts;

	private Phone clerk;

	@BeforeEach
	void aClerkAtCounterOne() {
		this.clock.nextWeekday();
		String name = "terminal-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(name, PASSWORD, KONAN, StaffRole.STAFF);
		this.clerk = new Phone(this.port, "ja");
		this.clerk.signIn(name, PASSWORD);
	}

	@Test
	void eachStepComesBackToTheTerminalWithWhatHappened() {
		String number = kioskTicket("certificates").path("number").asString();
		Phone.Page terminal = this.clerk.get("/counter/konan/1");
		assertThat(this.clerk.submit("/counter/konan/1/call", Map.of("number", "Z-99")).html())
			.contains("本日の番号札「Z-99」は見つかりません");
		assertThat(terminal.html()).contains(number).contains("次の方：" + number);
		Phone.Page called = this.clerk.submit("/counter/konan/1/call-next", Map.of());
		assertThat(called.path()).isEqualTo("/counter/konan/1");
		assertThat(called.html()).contains(number + " をお呼びしました");
		Phone.Page refused = this.clerk.submit("/counter/konan/1/call-next", Map.of());
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.html()).contains("1番窓口は番号札 " + number + " を呼び出し中または対応中です");
		assertThat(this.clerk.submit("/counter/konan/1/transfer", Map.of("queue", "C", "note", "x".repeat(501))).html())
			.contains("メモは500文字までです");
		assertThat(ticketState(number)).as("nothing changed").isEqualTo("called");
		this.clerk.submit("/counter/konan/1/start", Map.of());
		assertThat(this.clerk.submit("/counter/konan/1/done", Map.of()).html()).contains(number + " の対応が終わりました");
		assertThat(ticketState(number)).isEqualTo("done");
	}

	@Test
	void aCounterPausesResumesAndClosesButNeverWithAHolderAtIt() {
		String number = kioskTicket("certificates").path("number").asString();
		this.clerk.get("/counter/konan/2");
		this.clerk.submit("/counter/konan/2/call-next", Map.of());
		Phone.Page busy = this.clerk.submit("/counter/konan/2/pause", Map.of("reason", "LUNCH"));
		assertThat(busy.html()).contains("2番窓口は番号札 " + number + " を呼び出し中または対応中です");
		this.clerk.submit("/counter/konan/2/start", Map.of());
		this.clerk.submit("/counter/konan/2/done", Map.of());

		kioskTicket("certificates");
		Phone.Page paused = this.clerk.submit("/counter/konan/2/pause", Map.of("reason", "LUNCH"));
		assertThat(paused.html()).contains("休止中").contains("昼休み").contains("窓口を休止にしました");
		assertThat(this.clerk.submit("/counter/konan/2/call-next", Map.of()).html()).contains("2番窓口は休止中か閉じています");
		assertThat(this.clerk.get("/counter/konan").html()).contains("休止中");
		assertThat(this.clerk.submit("/counter/konan/2/resume", Map.of()).html()).contains("窓口を再開しました");
		assertThat(this.clerk.submit("/counter/konan/2/call-next", Map.of()).html()).contains("をお呼びしました");
		this.clerk.submit("/counter/konan/2/start", Map.of());
		this.clerk.submit("/counter/konan/2/done", Map.of());

		Phone.Page closed = this.clerk.submit("/counter/konan/2/close", Map.of());
		assertThat(closed.path()).isEqualTo("/counter/konan");
		assertThat(closed.html()).contains("2番窓口を閉じました").contains("閉じています");
		this.clock.nextWeekday();
		assertThat(this.clerk.get("/counter/konan/2").html()).as("a new day opens every counter")
			.doesNotContain("閉じています");
	}

	@Test
	void aClerkOfAnotherOfficeCannotOpenThisOnesCounters() {
		String name = "elsewhere-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(name, PASSWORD, "elsewhere", StaffRole.STAFF);
		Phone other = new Phone(this.port, "ja");
		other.signIn(name, PASSWORD);
		Phone.Page refused = other.get("/counter/konan/1");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.html()).contains("権限がありません");
	}

	private String ticketState(String number) {
		return staff().get("/api/v1/offices/konan/tickets?state=CALLED&state=WAITING&state=DONE&state=SERVING")
			.json()
			.valueStream()
			.filter((t) -> t.path("number").asString().equals(number))
			.map((t) -> t.path("state").asString())
			.findFirst()
			.orElse("none");
	}

}
