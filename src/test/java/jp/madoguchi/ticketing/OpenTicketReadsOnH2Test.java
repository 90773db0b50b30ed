package jp.madoguchi.ticketing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.support.AppTest;
import jp.madoguchi.support.H2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads that run for every line estimate and every counter step touch only the open
 * tickets, however many of the day's tickets are done. H2 uses an {@code IN (...)} list
 * only on an index's first column: with the office first, each of these reads went
 * through the whole day again (V6 migration). (Before H2 first analyses the table, it may
 * read a small day whole: its plan cannot tell the open states are few.)
 */
@ContextConfiguration(initializers = H2.class)
class OpenTicketReadsOnH2Test extends AppTest {

	private static final String DONE_NOTE = "done before the reads are looked at";

	private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void forgetTheDoneTickets() {
		this.jdbc.sql("DELETE FROM ticket WHERE note = ?").param(DONE_NOTE).update();
	}

	@Test
	void theBusiestReadsSkipTheDaysDoneTickets() {
		LocalDate day = this.clock.nextWeekday();
		doneTickets(day, 500);
		JsonNode called = kioskTicket("certificates");
		kioskTicket("certificates");
		webTicket("certificates");
		assertThat(counter("1", "call-next").status()).isEqualTo(200);
		long open = this.jdbc
			.sql("SELECT COUNT(*) FROM ticket WHERE office_id = ? AND business_date = ?"
					+ " AND state IN ('ISSUED', 'WAITING', 'CALLED', 'SERVING', 'ABSENT')")
			.params(KONAN, day)
			.query(Long.class)
			.single();
		assertThat(open).isLessThan(500);
		// as H2 does by itself after 2,000 changed rows: a busy day changes many more
		this.jdbc.sql("ANALYZE TABLE ticket").update();

		assertThat(scanned(TicketRepository.LINE_PLACES, KONAN, day, "A")).isBetween(2L, open + 1);
		assertThat(scanned(TicketRepository.CALLED_AT_COUNTERS, KONAN, day, "A")).isBetween(1L, open + 1);
		assertThat(scanned(TicketRepository.ACTIVE_AT, KONAN, day, "1")).isBetween(1L, open + 1);
		assertThat(
				scanned(TicketRepository.openInStates(EnumSet.of(TicketState.ISSUED, TicketState.WAITING)), KONAN, day))
			.isBetween(2L, open + 1);
		OffsetDateTime early = OffsetDateTime.now(ZoneOffset.UTC).minusYears(1);
		assertThat(scanned(TicketRepository.COUNT_AHEAD, KONAN, day, "A", called.path("id").asString(), true, true,
				early, early, early, early, 0))
			.isBetween(1L, open + 1);
	}

	/** A busy day's done tickets of queue A, written directly. */
	private void doneTickets(LocalDate day, int count) {
		OffsetDateTime at = day.atTime(9, 0).atOffset(ZoneOffset.ofHours(9));
		this.jdbc
			.sql("INSERT INTO ticket (id, office_id, business_date, queue_id, seq, number, procedure_id,"
					+ " channel, state, front, order_at, issued_at, called_at, counter_id, call_count, started_at,"
					+ " finished_at, note) SELECT RANDOM_UUID(), ?, ?, 'A', 1000 + \"X\", CONCAT('A-', 1000 + \"X\"),"
					+ " 'certificates', 'KIOSK', 'DONE', FALSE, ?, ?, ?, '1', 1, ?, ?, ? FROM SYSTEM_RANGE(1, ?)")
			.params(KONAN, day, at, at, at, at, at.plusMinutes(5), DONE_NOTE, count)
			.update();
	}

	/** The rows H2 reads to answer a statement (its plan's scan counts, summed). */
	private long scanned(String sql, Object... params) {
		String plan = this.jdbc.sql("EXPLAIN ANALYZE " + sql).params(params).query(String.class).single();
		Matcher counts = SCAN_COUNT.matcher(plan);
		long scanned = 0;
		while (counts.find()) {
			scanned += Long.parseLong(counts.group(1));
		}
		assertThat(plan).as("a plan with its scan counts").contains("scanCount");
		return scanned;
	}

}
