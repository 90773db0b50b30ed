package jp.madoguchi.counter;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.madoguchi.office.Office;
import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.shared.MadoguchiException.Kind;
import jp.madoguchi.ticketing.TicketQueries;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Whether each counter is open, on a break (休憩, 昼休み) or closed, as its clerk last said. A
 * counter opens again each business day: a state set on an earlier day means open. A
 * counter with a ticket called or being served cannot pause or close until that ticket is
 * settled, so that no holder is left standing at a closed window.
 */
@Service
public class CounterStates {

	private final JdbcClient jdbc;

	private final TicketQueries tickets;

	private final Clock clock;

	CounterStates(JdbcClient jdbc, TicketQueries tickets, Clock clock) {
		this.jdbc = jdbc;
		this.tickets = tickets;
		this.clock = clock;
	}

	/** Every counter of the office that is not open, by counter id. */
	public Map<String, CounterState> notOpen(Office office) {
		LocalDate today = LocalDate.now(this.clock.withZone(office.zone()));
		return this.jdbc
			.sql("SELECT counter_id, state, reason, since, changed_by FROM counter_status WHERE office_id = ?")
			.param(office.id())
			.query((rs, row) -> new CounterState(rs.getString(1), Status.valueOf(rs.getString(2)),
					(rs.getString(3) != null) ? PauseReason.valueOf(rs.getString(3)) : null,
					rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)))
			.list()
			.stream()
			.filter((state) -> state.status() != Status.OPEN
					&& LocalDate.ofInstant(state.since(), office.zone()).equals(today))
			.collect(Collectors.toMap(CounterState::counter, Function.identity()));
	}

	/** The state of one counter. */
	public CounterState of(Office office, String counter) {
		return notOpen(office).getOrDefault(counter,
				new CounterState(office.counter(counter).id(), Status.OPEN, null, null, null));
	}

	public CounterState pause(Office office, String counter, PauseReason reason, String by) {
		requireSettled(office, counter);
		return set(office, counter, Status.PAUSED, reason, by);
	}

	public CounterState close(Office office, String counter, String by) {
		requireSettled(office, counter);
		return set(office, counter, Status.CLOSED, null, by);
	}

	public CounterState open(Office office, String counter, String by) {
		return set(office, counter, Status.OPEN, null, by);
	}

	private void requireSettled(Office office, String counter) {
		this.tickets.atCounter(office.id(), counter).ifPresent((ticket) -> {
			throw new MadoguchiException(Kind.CONFLICT, "counter-busy", counter, ticket.number());
		});
	}

	private CounterState set(Office office, String counter, Status status, PauseReason reason, String by) {
		String id = office.counter(counter).id();
		Instant now = this.clock.instant();
		OffsetDateTime since = OffsetDateTime.ofInstant(now, office.zone());
		String reasonName = (reason != null) ? reason.name() : null;
		int updated = this.jdbc
			.sql("UPDATE counter_status SET state = ?, reason = ?, since = ?, changed_by = ?"
					+ " WHERE office_id = ? AND counter_id = ?")
			.params(status.name(), reasonName, since, by, office.id(), id)
			.update();
		if (updated == 0) {
			try {
				this.jdbc
					.sql("INSERT INTO counter_status (office_id, counter_id, state, reason, since, changed_by)"
							+ " VALUES (?, ?, ?, ?, ?, ?)")
					.params(office.id(), id, status.name(), reasonName, since, by)
					.update();
			}
			catch (DuplicateKeyException ex) {
				// another clerk's terminal set it at the same moment: the later word
				// counts
				return set(office, counter, status, reason, by);
			}
		}
		return new CounterState(id, status, reason, now, by);
	}

	public enum Status {

		OPEN, PAUSED, CLOSED

	}

	public enum PauseReason {

		/** 休憩 */
		BREAK,
		/** 昼休み */
		LUNCH

	}

	/**
	 * A counter's state.
	 *
	 * @param since when it was set (null for a counter that was never paused or closed)
	 */
	public record CounterState(String counter, Status status, PauseReason reason, Instant since, String changedBy) {

		public boolean open() {
			return this.status == Status.OPEN;
		}

	}

}
