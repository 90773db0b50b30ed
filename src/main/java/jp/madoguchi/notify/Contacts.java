package jp.madoguchi.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.madoguchi.estimate.TravelNotices;
import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.shared.MadoguchiException.Kind;
import jp.madoguchi.shared.web.Language;
import jp.madoguchi.ticketing.Ticket;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How to reach the holders of open web tickets. One contact per ticket and channel;
 * erased when the ticket closes and, at the latest, after its day.
 */
@Service
public class Contacts {

	private final JdbcClient jdbc;

	private final Map<String, Notifier> notifiers;

	private final Clock clock;

	Contacts(JdbcClient jdbc, List<Notifier> notifiers, Clock clock) {
		this.jdbc = jdbc;
		this.notifiers = notifiers.stream().collect(Collectors.toMap(Notifier::channel, Function.identity()));
		this.clock = clock;
	}

	/** The channels a holder can choose here. */
	public List<String> channels() {
		return this.notifiers.values().stream().filter(Notifier::available).map(Notifier::channel).sorted().toList();
	}

	/**
	 * Keeps how to reach the holder of an open ticket; a second registration on the same
	 * channel replaces the first.
	 * @param travelMinutes how long the holder needs to reach the office
	 * @throws MadoguchiException when the channel is unknown or the address unusable
	 */
	public void register(Ticket ticket, String channel, String address, int travelMinutes, Language language) {
		String normalized = check(channel, address, travelMinutes);
		if (!ticket.state().isOpen()) {
			throw new MadoguchiException(Kind.CONFLICT, "ticket-closed", ticket.number());
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		// each statement on its own: no moment without a contact, no half-written one
		int replaced = this.jdbc
			.sql("UPDATE ticket_contact SET address = ?, travel_minutes = ?, language = ?, leave_notified_at = NULL,"
					+ " calls_notified = 0, created_at = ? WHERE ticket_id = ? AND channel = ?")
			.params(normalized, travelMinutes, language.code(), now, ticket.id(), channel)
			.update();
		if (replaced > 0) {
			return;
		}
		try {
			this.jdbc
				.sql("INSERT INTO ticket_contact (ticket_id, channel, address, travel_minutes, language,"
						+ " leave_notified_at, calls_notified, created_at) VALUES (?, ?, ?, ?, ?, NULL, 0, ?)")
				.params(ticket.id(), channel, normalized, travelMinutes, language.code(), now)
				.update();
		}
		catch (DuplicateKeyException ex) {
			// the same registration arrived twice at once: one is kept
		}
	}

	/**
	 * Checks a contact before a ticket is taken, so that a mistyped address does not
	 * leave a ticket nobody will be told about.
	 * @return the address as it will be stored
	 */
	public String check(String channel, String address, int travelMinutes) {
		Notifier notifier = this.notifiers.get(channel);
		if (notifier == null || !notifier.available()) {
			throw new MadoguchiException(Kind.INVALID, "notify-channel-unknown", channel);
		}
		if (travelMinutes < 0 || travelMinutes > 240) {
			throw new MadoguchiException(Kind.INVALID, "travel-minutes-invalid");
		}
		if (address == null || address.isBlank()) {
			throw new MadoguchiException(Kind.INVALID, channel + "-missing");
		}
		return notifier.normalizeAddress(address);
	}

	/** What a browser needs to subscribe to a channel, if anything. */
	public String browserKey(String channel) {
		Notifier notifier = this.notifiers.get(channel);
		return (notifier != null) ? notifier.browserKey() : null;
	}

	/** The channels a ticket's holder will be told on. */
	public List<String> channelsOf(UUID ticket) {
		return this.jdbc.sql("SELECT channel FROM ticket_contact WHERE ticket_id = ? ORDER BY channel")
			.param(ticket)
			.query(String.class)
			.list();
	}

	Notifier notifier(String channel) {
		return this.notifiers.get(channel);
	}

	/** Contacts of tickets waiting before check-in that have not been told to leave. */
	List<Contact> awaitingLeaveNotice() {
		return this.jdbc
			.sql("SELECT c.ticket_id, c.channel, c.address, c.travel_minutes, c.language"
					+ " FROM ticket_contact c JOIN ticket t ON t.id = c.ticket_id"
					+ " WHERE c.leave_notified_at IS NULL AND t.state = 'ISSUED'")
			.query(Contacts::contact)
			.list();
	}

	/**
	 * The office's web tickets not checked in whose holders were told to leave: the first
	 * notice, with the travel time it was sent for.
	 */
	Map<UUID, TravelNotices.Told> toldToComeAndAway(String office) {
		Map<UUID, TravelNotices.Told> told = new HashMap<>();
		this.jdbc
			.sql("SELECT c.ticket_id, c.leave_notified_at, c.travel_minutes FROM ticket_contact c"
					+ " JOIN ticket t ON t.id = c.ticket_id WHERE t.office_id = ? AND t.state = 'ISSUED'"
					+ " AND c.leave_notified_at IS NOT NULL")
			.param(office)
			.query((rs) -> {
				TravelNotices.Told notice = new TravelNotices.Told(rs.getTimestamp(2).toInstant(), rs.getInt(3));
				told.merge(rs.getObject(1, UUID.class), notice,
						(one, other) -> one.at().isBefore(other.at()) ? one : other);
			});
		return told;
	}

	/** When a ticket's holder was first told to leave, and for what travel time. */
	Optional<TravelNotices.Told> toldToCome(UUID ticket) {
		return this.jdbc
			.sql("SELECT leave_notified_at, travel_minutes FROM ticket_contact WHERE ticket_id = ?"
					+ " AND leave_notified_at IS NOT NULL ORDER BY leave_notified_at FETCH FIRST 1 ROWS ONLY")
			.param(ticket)
			.query((rs, row) -> new TravelNotices.Told(rs.getTimestamp(1).toInstant(), rs.getInt(2)))
			.optional();
	}

	List<Contact> of(UUID ticket) {
		return this.jdbc
			.sql("SELECT ticket_id, channel, address, travel_minutes, language FROM ticket_contact"
					+ " WHERE ticket_id = ?")
			.param(ticket)
			.query(Contacts::contact)
			.list();
	}

	/**
	 * Claims the leave notice of a contact, so that of several instances exactly one
	 * sends it.
	 */
	boolean claimLeaveNotice(Contact contact, Instant now) {
		return this.jdbc
			.sql("UPDATE ticket_contact SET leave_notified_at = ? WHERE ticket_id = ? AND channel = ?"
					+ " AND leave_notified_at IS NULL")
			.params(Timestamp.from(now), contact.ticket(), contact.channel())
			.update() == 1;
	}

	/** Claims the notice of a ticket's {@code call}-th call. */
	boolean claimCallNotice(Contact contact, int call) {
		return this.jdbc
			.sql("UPDATE ticket_contact SET calls_notified = ? WHERE ticket_id = ? AND channel = ?"
					+ " AND calls_notified < ?")
			.params(call, contact.ticket(), contact.channel(), call)
			.update() == 1;
	}

	/** Erases the contacts of a ticket that has closed. */
	void erase(UUID ticket) {
		this.jdbc.sql("DELETE FROM ticket_contact WHERE ticket_id = ?").param(ticket).update();
	}

	/**
	 * Erases every contact of a closed ticket or of a day before {@code today}.
	 * @return how many were erased
	 */
	int eraseStale(LocalDate today) {
		// each contact looks up its ticket by key: the ticket table is never scanned
		return this.jdbc
			.sql("DELETE FROM ticket_contact WHERE EXISTS (SELECT 1 FROM ticket t"
					+ " WHERE t.id = ticket_contact.ticket_id"
					+ " AND (t.business_date < ? OR t.state IN ('DONE', 'CANCELLED', 'EXPIRED')))")
			.param(today)
			.update();
	}

	private static Contact contact(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Contact(rs.getObject("ticket_id", UUID.class), rs.getString("channel"), rs.getString("address"),
				rs.getInt("travel_minutes"), Language.ofCode(rs.getString("language")).orElse(Language.JA));
	}

	record Contact(UUID ticket, String channel, String address, int travelMinutes, Language language) {
	}

}
