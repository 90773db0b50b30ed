package jp.madoguchi.ticketing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.madoguchi.estimate.Line;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tickets and their daily numbers, in plain SQL that runs on H2 and PostgreSQL alike. */
@Repository
class TicketRepository {

	private static final String COLUMNS = "id, office_id, business_date, queue_id, seq, number, procedure_id, channel,"
			+ " state, front, order_at, issued_at, checked_in_at, passed_over_at, called_at, counter_id, call_count,"
			+ " call_deadline, absent_at, started_at, finished_at, note";

	/** The line order: front tickets first, then by the time they took their place. */
	private static final String LINE_ORDER = " ORDER BY front DESC, order_at, issued_at, seq, number";

	/**
	 * The tickets that will be called: present, or web holders not passed over. The state
	 * is an IN list so that the reads use the state's index (see V6 migration).
	 */
	private static final String WILL_BE_CALLED = " state IN ('WAITING', 'ISSUED')"
			+ " AND (state = 'WAITING' OR passed_over_at IS NULL)";

	/** Whether a row's place (order_at, issued_at, seq) is before the given one. */
	private static final String PLACE_BEFORE = " (order_at < ? OR (order_at = ? AND (issued_at < ?"
			+ " OR (issued_at = ? AND seq < ?))))";

	// the reads that run most, for every line estimate and counter step
	// (OpenTicketReadsOnH2Test checks that they touch only open tickets)

	static final String LINE_PLACES = "SELECT procedure_id, state, channel, id FROM ticket WHERE office_id = ?"
			+ " AND business_date = ? AND queue_id = ? AND" + WILL_BE_CALLED + LINE_ORDER;

	static final String CALLED_AT_COUNTERS = "SELECT procedure_id, called_at FROM ticket WHERE office_id = ?"
			+ " AND business_date = ? AND queue_id = ? AND state IN ('CALLED', 'SERVING') AND called_at IS NOT NULL";

	static final String ACTIVE_AT = "SELECT " + COLUMNS + " FROM ticket WHERE office_id = ? AND business_date = ?"
			+ " AND counter_id = ? AND state IN ('CALLED', 'SERVING')";

	static final String COUNT_AHEAD = "SELECT COUNT(*) FROM ticket WHERE office_id = ? AND business_date = ?"
			+ " AND queue_id = ? AND" + WILL_BE_CALLED + " AND id <> ? AND (front > ? OR (front = ? AND" + PLACE_BEFORE
			+ "))";

	/** The office's tickets of a day in some states, in line order. */
	static String openInStates(Collection<TicketState> states) {
		return "SELECT " + COLUMNS + " FROM ticket WHERE office_id = ? AND business_date = ? AND" + inStates(states)
				+ LINE_ORDER;
	}

	/**
	 * A condition on the state, the states written out: H2 looks up a list of literals in
	 * the index, not a list of parameters. Safe, as they are the enum's names.
	 */
	private static String inStates(Collection<TicketState> states) {
		return states.stream()
			.map((state) -> "'" + state.name() + "'")
			.collect(Collectors.joining(", ", " state IN (", ")"));
	}

	private static final String INSERT = "INSERT INTO ticket (" + COLUMNS + ", idempotency_key, request_hash,"
			+ " holder_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	/** The writer thread's batch: new tickets not inserted yet (see deferringInserts). */
	private final ThreadLocal<List<Object[]>> deferredInserts = new ThreadLocal<>();

	TicketRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * The last number of every queue of an office on a day (read under the office's lock,
	 * which every change of its tickets holds; see {@link DayNumbers}).
	 */
	Map<String, Integer> lastNumbers(String office, LocalDate day) {
		Map<String, Integer> numbers = new HashMap<>();
		sql("SELECT queue_id, last_number FROM queue_day_number WHERE office_id = ? AND business_date = ?")
			.params(office, day)
			.query((RowCallbackHandler) (rs) -> numbers.put(rs.getString(1), rs.getInt(2)));
		return numbers;
	}

	/** Writes the last numbers of queues: the new rows, then the changed ones. */
	void saveLastNumbers(String office, List<LastNumber> inserted, List<LastNumber> updated) {
		writeDeferredInserts();
		writeRows(this.batch,
				"INSERT INTO queue_day_number (office_id, queue_id, business_date, last_number) VALUES (?, ?, ?, ?)",
				inserted.stream().map((n) -> new Object[] { office, n.queue(), n.day(), n.last() }).toList());
		writeRows(this.batch,
				"UPDATE queue_day_number SET last_number = ? WHERE office_id = ? AND queue_id = ? AND business_date = ?",
				updated.stream().map((n) -> new Object[] { n.last(), office, n.queue(), n.day() }).toList());
	}

	/** A queue's last number on a day. */
	record LastNumber(String queue, LocalDate day, int last) {
	}

	/**
	 * Inserts a ticket with the batch's other new tickets, before the next statement.
	 * Only the office's writer issues tickets, within {@link #deferringInserts}.
	 */
	void insert(Ticket ticket, String idempotencyKey, String requestHash, String holderHash) {
		Ticket.Row r = ticket.toRow();
		Object[] row = { r.id(), r.office(), r.businessDate(), r.queue(), r.seq(), r.number(), r.procedure(),
				r.channel().name(), r.state().name(), r.front(), time(r.orderAt()), time(r.issuedAt()),
				time(r.checkedInAt()), time(r.passedOverAt()), time(r.calledAt()), r.counter(), r.callCount(),
				time(r.callDeadline()), time(r.absentAt()), time(r.startedAt()), time(r.finishedAt()), r.note(),
				idempotencyKey, requestHash, holderHash };
		List<Object[]> deferred = this.deferredInserts.get();
		if (deferred == null) {
			throw new IllegalStateException("Tickets are inserted in a batch of the office's writer");
		}
		deferred.add(row);
	}

	/**
	 * Runs a batch of changes with the new tickets' inserts deferred: they go to the
	 * database in one JDBC batch just before the next statement of this repository (so
	 * every read and update of the batch sees them) or at the end of the work. Under load
	 * a batch is mostly issues, and their tickets then cost one round trip in all.
	 */
	void deferringInserts(Runnable work) {
		if (this.deferredInserts.get() != null) {
			// an inner batch would drop the outer one's tickets when it ends
			throw new IllegalStateException("Inserts are deferred already on this thread");
		}
		this.deferredInserts.set(new ArrayList<>());
		try {
			work.run();
			writeDeferredInserts();
		}
		finally {
			this.deferredInserts.remove();
		}
	}

	private void writeDeferredInserts() {
		List<Object[]> deferred = this.deferredInserts.get();
		if (deferred != null && !deferred.isEmpty()) {
			List<Object[]> rows = List.copyOf(deferred);
			deferred.clear();
			writeRows(this.batch, INSERT, rows);
		}
	}

	/**
	 * Runs a statement for each row: one JDBC batch for several (one round trip), a plain
	 * statement for one (a batch of one costs more, and an idle office's batches hold a
	 * single change).
	 */
	static void writeRows(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
		if (rows.size() == 1) {
			jdbc.update(sql, rows.get(0));
		}
		else if (!rows.isEmpty()) {
			jdbc.batchUpdate(sql, rows);
		}
	}

	/** A statement, after the inserts deferred so far. */
	private JdbcClient.StatementSpec sql(String sql) {
		writeDeferredInserts();
		return this.jdbc.sql(sql);
	}

	void update(Ticket ticket) {
		Ticket.Row r = ticket.toRow();
		int updated = sql("UPDATE ticket SET queue_id = ?, state = ?, front = ?, order_at = ?,"
				+ " checked_in_at = ?, passed_over_at = ?, called_at = ?, counter_id = ?, call_count = ?,"
				+ " call_deadline = ?, absent_at = ?, started_at = ?, finished_at = ?, note = ? WHERE id = ?")
			.params(r.queue(), r.state().name(), r.front(), time(r.orderAt()), time(r.checkedInAt()),
					time(r.passedOverAt()), time(r.calledAt()), r.counter(), r.callCount(), time(r.callDeadline()),
					time(r.absentAt()), time(r.startedAt()), time(r.finishedAt()), r.note(), r.id())
			.update();
		if (updated != 1) {
			throw new IllegalStateException("Ticket " + r.id() + " vanished while being updated");
		}
	}

	Optional<Ticket> findById(UUID id) {
		return sql("SELECT " + COLUMNS + " FROM ticket WHERE id = ?").param(id).query(this::map).optional();
	}

	Optional<Ticket> findByNumber(String office, LocalDate day, String number) {
		return sql("SELECT " + COLUMNS + " FROM ticket WHERE office_id = ? AND business_date = ? AND number = ?")
			.params(office, day, number)
			.query(this::map)
			.optional();
	}

	/**
	 * A ticket issued with this idempotency key, with the hash of the request that made
	 * it.
	 */
	Optional<Issued> findByIdempotencyKey(String office, String key) {
		return sql("SELECT " + COLUMNS + ", request_hash FROM ticket WHERE office_id = ? AND idempotency_key = ?")
			.params(office, key)
			.query((rs, row) -> new Issued(map(rs, row), rs.getString("request_hash")))
			.optional();
	}

	/** A holder's tickets of a day, newest first. */
	List<Ticket> findByHolder(String office, LocalDate day, String holderHash) {
		return sql("SELECT " + COLUMNS + " FROM ticket WHERE office_id = ? AND business_date = ? AND holder_hash = ?"
				+ " ORDER BY issued_at DESC, seq DESC")
			.params(office, day, holderHash)
			.query(this::map)
			.list();
	}

	/** A ticket, if this holder took it. */
	Optional<Ticket> findHeldBy(UUID id, String holderHash) {
		return sql("SELECT " + COLUMNS + " FROM ticket WHERE id = ? AND holder_hash = ?").params(id, holderHash)
			.query(this::map)
			.optional();
	}

	/** The first present ticket in line for these queues. */
	Optional<Ticket> firstWaiting(String office, LocalDate day, Collection<String> queues) {
		return sql("SELECT " + COLUMNS + " FROM ticket WHERE office_id = ? AND business_date = ? AND state = 'WAITING'"
				+ " AND queue_id IN (" + placeholders(queues) + ")" + LINE_ORDER + " FETCH FIRST 1 ROWS ONLY")
			.params(params(office, day, queues))
			.query(this::map)
			.optional();
	}

	/**
	 * Web tickets not yet checked in, not yet passed over, whose place is before a time.
	 */
	List<Ticket> absentWebHoldersBefore(String office, LocalDate day, Collection<String> queues, Ticket next) {
		return sql("SELECT " + COLUMNS + " FROM ticket WHERE office_id = ? AND business_date = ? AND state = 'ISSUED'"
				+ " AND passed_over_at IS NULL AND queue_id IN (" + placeholders(queues) + ") AND" + PLACE_BEFORE
				+ LINE_ORDER)
			.params(params(office, day, queues, placeOf(next)))
			.query(this::map)
			.list();
	}

	/** The ticket a counter has called or is serving, if any. */
	Optional<Ticket> activeAt(String office, LocalDate day, String counter) {
		return sql(ACTIVE_AT).params(office, day, counter).query(this::map).optional();
	}

	/** How many tickets that will be called stand before this one in its queue. */
	int countAhead(Ticket t) {
		return sql(COUNT_AHEAD)
			.params(params(t.office(), t.businessDate(), List.of(t.queue()), t.id(), t.front(), t.front(), placeOf(t)))
			.query(Integer.class)
			.single();
	}

	/**
	 * A queue's line as the estimator sees it: the tickets that will be called, in line
	 * order (the ones {@link #countAhead} counts).
	 */
	List<Line.Place> linePlaces(String office, LocalDate day, String queue) {
		return sql(LINE_PLACES).params(office, day, queue)
			.query((rs, row) -> new Line.Place(rs.getString(1), rs.getString(2).equals("WAITING"),
					rs.getString(3).equals(Channel.WEB.name()), rs.getObject(4, UUID.class)))
			.list();
	}

	/**
	 * The procedure of each ticket now at a counter of the queue, and when it was called.
	 */
	List<Map.Entry<String, Instant>> calledAtCounters(String office, LocalDate day, String queue) {
		return sql(CALLED_AT_COUNTERS).params(office, day, queue)
			.query((rs, row) -> Map.entry(rs.getString(1), instant(rs, "called_at")))
			.list();
	}

	/**
	 * Open tickets of days before {@code day}, and of {@code day} itself if it is over.
	 */
	List<Ticket> openTicketsToExpire(String office, LocalDate day, boolean dayIsOver) {
		return sql("SELECT " + COLUMNS + " FROM ticket WHERE office_id = ? AND state IN ("
				+ "'ISSUED', 'WAITING', 'CALLED', 'SERVING', 'ABSENT') AND business_date " + (dayIsOver ? "<=" : "<")
				+ " ? ORDER BY business_date, number")
			.params(office, day)
			.query(this::map)
			.list();
	}

	List<Ticket> findOpenInStates(String office, LocalDate day, Collection<TicketState> states) {
		return sql(openInStates(states)).params(office, day).query(this::map).list();
	}

	/** The first tickets in line order of some queues, in some states. */
	List<Ticket> findFirstInQueues(String office, LocalDate day, Collection<String> queues,
			Collection<TicketState> states, int limit) {
		return sql("SELECT " + COLUMNS + " FROM ticket WHERE office_id = ? AND business_date = ? AND queue_id IN ("
				+ placeholders(queues) + ") AND" + inStates(states) + LINE_ORDER + " LIMIT ?")
			.params(params(office, day, List.copyOf(queues), limit))
			.query(this::map)
			.list();
	}

	int countInQueues(String office, LocalDate day, Collection<String> queues, Collection<TicketState> states) {
		return sql("SELECT COUNT(*) FROM ticket WHERE office_id = ? AND business_date = ? AND queue_id IN ("
				+ placeholders(queues) + ") AND" + inStates(states))
			.params(params(office, day, List.copyOf(queues)))
			.query(Integer.class)
			.single();
	}

	/**
	 * The counter times (from the latest call to done) of the latest tickets of a
	 * procedure served, oldest first: what the office has learned before this instance
	 * started.
	 */
	List<java.time.Duration> recentServiceTimes(String office, String procedure, int limit) {
		List<java.time.Duration> newestFirst = sql(
				"SELECT called_at, finished_at FROM ticket WHERE office_id = ? AND procedure_id = ?"
						+ " AND state = 'DONE' AND called_at IS NOT NULL ORDER BY finished_at DESC LIMIT ?")
			.params(office, procedure, limit)
			.query((rs, row) -> java.time.Duration.between(instant(rs, "called_at"), instant(rs, "finished_at")))
			.list();
		return newestFirst.reversed();
	}

	record Issued(Ticket ticket, String requestHash) {
	}

	private Ticket map(ResultSet rs, int row) throws SQLException {
		return Ticket.restore(new Ticket.Row(rs.getObject("id", UUID.class), rs.getString("office_id"),
				rs.getObject("business_date", LocalDate.class), rs.getString("queue_id"), rs.getInt("seq"),
				rs.getString("number"), rs.getString("procedure_id"), Channel.valueOf(rs.getString("channel")),
				TicketState.valueOf(rs.getString("state")), rs.getBoolean("front"), instant(rs, "order_at"),
				instant(rs, "issued_at"), instant(rs, "checked_in_at"), instant(rs, "passed_over_at"),
				instant(rs, "called_at"), rs.getString("counter_id"), rs.getInt("call_count"),
				instant(rs, "call_deadline"), instant(rs, "absent_at"), instant(rs, "started_at"),
				instant(rs, "finished_at"), rs.getString("note")));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static OffsetDateTime time(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static Object[] placeOf(Ticket t) {
		return new Object[] { time(t.orderAt()), time(t.orderAt()), time(t.issuedAt()), time(t.issuedAt()), t.seq() };
	}

	private static String placeholders(Collection<?> values) {
		return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
	}

	private static Object[] params(String office, LocalDate day, Collection<String> values, Object... more) {
		List<Object> all = new java.util.ArrayList<>();
		all.add(office);
		all.add(day);
		all.addAll(values);
		for (Object value : more) {
			if (value instanceof Object[] array) {
				all.addAll(List.of(array));
			}
			else {
				all.add(value);
			}
		}
		return all.toArray();
	}

}
