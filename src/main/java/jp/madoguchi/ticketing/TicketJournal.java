package jp.madoguchi.ticketing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.shared.Database;
import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.shared.MadoguchiException.Kind;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The office's journal of ticket events. Appending takes the office row's lock, which
 * every change of the office's tickets holds until it commits: changes of one office are
 * therefore serialised, and event numbers are given without gaps in commit order. On
 * PostgreSQL the append also sends a NOTIFY, which the server delivers only if and when
 * the change commits.
 */
@Component
class TicketJournal {

	static final String CHANNEL = "madoguchi_events";

	private final JdbcClient jdbc;

	private final Database database;

	private final JsonMapper json;

	private final JdbcTemplate batch;

	TicketJournal(JdbcClient jdbc, JdbcTemplate batch, Database database, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
		this.batch = batch;
		this.database = database;
	}

	/**
	 * Takes the office's lock for the rest of the transaction and returns the number of
	 * its last event (read after the lock is granted, so it is the latest committed).
	 */
	long lock(String office) {
		return this.jdbc.sql("SELECT event_seq FROM office WHERE id = ? FOR UPDATE")
			.param(office)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new MadoguchiException(Kind.NOT_FOUND, "unknown-office", office));
	}

	/**
	 * Appends events under the office lock, numbered after {@code lastSeq} (what
	 * {@link #lock} returned), and returns them numbered.
	 */
	List<TicketEvent> append(String office, long lastSeq, List<TicketEvent> events) {
		if (events.isEmpty()) {
			return events;
		}
		long seq = lastSeq;
		List<TicketEvent> numbered = new ArrayList<>(events.size());
		List<Object[]> rows = new ArrayList<>(events.size());
		for (TicketEvent event : events) {
			TicketEvent withSeq = event.withSeq(++seq);
			numbered.add(withSeq);
			rows.add(new Object[] { office, withSeq.seq(), withSeq.ticket(), withSeq.kind().name(),
					TicketRepository.time(withSeq.at()), this.json.writeValueAsString(withSeq) });
		}
		TicketRepository.writeRows(this.batch,
				"INSERT INTO office_event (office_id, seq, ticket_id, kind, at, payload) VALUES (?, ?, ?, ?, ?, ?)",
				rows);
		this.jdbc.sql("UPDATE office SET event_seq = ? WHERE id = ?").params(seq, office).update();
		if (this.database.isPostgres()) {
			this.jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, office + " " + seq).query().singleRow();
		}
		return numbered;
	}

	long currentSeq(String office) {
		return this.jdbc.sql("SELECT event_seq FROM office WHERE id = ?").param(office).query(Long.class).single();
	}

	/** Committed events of an office after a number, in order. */
	List<TicketEvent> after(String office, long afterSeq, int limit) {
		return this.jdbc
			.sql("SELECT payload FROM office_event WHERE office_id = ? AND seq > ? ORDER BY seq FETCH FIRST " + limit
					+ " ROWS ONLY")
			.params(office, afterSeq)
			.query((rs, row) -> this.json.readValue(rs.getString(1), TicketEvent.class))
			.list();
	}

	/** A ticket's steps, in order. */
	List<TicketEvent> history(UUID ticket) {
		return this.jdbc.sql("SELECT payload FROM office_event WHERE ticket_id = ? ORDER BY seq")
			.param(ticket)
			.query((rs, row) -> this.json.readValue(rs.getString(1), TicketEvent.class))
			.list();
	}

}
