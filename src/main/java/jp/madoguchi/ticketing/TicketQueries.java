package jp.madoguchi.ticketing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jp.madoguchi.estimate.WaitEstimate;
import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeCatalog;
import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.shared.MadoguchiException.Kind;
import jp.madoguchi.shared.Secrets;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reading tickets: one ticket with its place and history, lines, and read-model
 * snapshots.
 */
@Service
public class TicketQueries {

	private final OfficeCatalog offices;

	private final TicketRepository tickets;

	private final TicketJournal journal;

	private final WaitForecasts forecasts;

	private final TransactionTemplate transactions;

	private final Clock clock;

	// the live line lengths come from the board, which itself reads from here
	private final ObjectProvider<QueueLoad> load;

	TicketQueries(OfficeCatalog offices, TicketRepository tickets, TicketJournal journal, WaitForecasts forecasts,
			TransactionTemplate transactions, Clock clock, ObjectProvider<QueueLoad> load) {
		this.load = load;
		this.offices = offices;
		this.tickets = tickets;
		this.journal = journal;
		this.forecasts = forecasts;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Ticket get(UUID id) {
		return this.tickets.findById(id).orElseThrow(() -> new MadoguchiException(Kind.NOT_FOUND, "unknown-ticket"));
	}

	/**
	 * A ticket with how many are ahead of it, its estimated wait and its steps so far.
	 */
	public TicketDetails details(Ticket ticket) {
		return details(ticket, null, null);
	}

	/**
	 * A ticket just issued: its place comes from the live count of its queue (which
	 * already holds it), not from counting the line in the database, so issuing costs the
	 * same at any queue length.
	 */
	public TicketDetails detailsOfNew(TicketService.IssuedTicket issued) {
		Ticket ticket = issued.ticket();
		if (issued.replayed()) {
			return details(ticket, null, null);
		}
		int inLine = this.load.getObject().peopleInLine(ticket.office(), ticket.queue());
		return details(ticket, Math.max(0, inLine - 1), issued.steps());
	}

	/**
	 * A ticket's place and estimated wait without its history, for checks that run often.
	 */
	public TicketDetails placeOf(Ticket ticket) {
		return details(ticket, aheadOf(ticket), List.of());
	}

	private TicketDetails details(Ticket ticket, Integer knownAhead, List<TicketEvent> knownHistory) {
		Office office = this.offices.get(ticket.office());
		int ahead = (knownAhead != null) ? knownAhead : aheadOf(ticket);
		WaitEstimate estimate = isInLine(ticket) ? this.forecasts.at(office, ticket.queue(), ahead) : WaitEstimate.NONE;
		return new TicketDetails(ticket, ahead, estimate,
				(knownHistory != null) ? knownHistory : this.journal.history(ticket.id()));
	}

	private int aheadOf(Ticket ticket) {
		return isInLine(ticket) ? this.tickets.countAhead(ticket) : 0;
	}

	private static boolean isInLine(Ticket ticket) {
		return ticket.state() == TicketState.ISSUED || ticket.state() == TicketState.WAITING;
	}

	/** The tickets a phone took at an office today, newest first. */
	public List<Ticket> heldBy(String officeId, String holder) {
		Office office = this.offices.get(officeId);
		return this.tickets.findByHolder(office.id(), LocalDate.now(this.clock.withZone(office.zone())),
				Secrets.hash(holder));
	}

	/** The ticket, if the phone with this device cookie took it. */
	public Optional<Ticket> heldBy(UUID ticketId, String holder) {
		return (holder != null) ? this.tickets.findHeldBy(ticketId, Secrets.hash(holder)) : Optional.empty();
	}

	/** Today's ticket of an office with this number (as typed: {@code a-31} will do). */
	public Optional<Ticket> todayByNumber(String officeId, String number) {
		Office office = this.offices.get(officeId);
		String normalized = (number != null) ? number.strip().toUpperCase(java.util.Locale.ROOT).replace('－', '-') : "";
		return this.tickets.findByNumber(office.id(), LocalDate.now(this.clock.withZone(office.zone())), normalized);
	}

	/** The ticket a counter has called or is serving today, if any. */
	public Optional<Ticket> atCounter(String officeId, String counterId) {
		Office office = this.offices.get(officeId);
		return this.tickets.activeAt(office.id(), LocalDate.now(this.clock.withZone(office.zone())),
				office.counter(counterId).id());
	}

	/**
	 * The head of the line of some queues today — present, not yet checked in, or absent
	 * — in line order, and how many are in it in all: a counter's screen lists the first
	 * ones whatever the length of the line.
	 */
	public LineHead lineHead(String officeId, Collection<String> queues, int limit) {
		Office office = this.offices.get(officeId);
		LocalDate today = LocalDate.now(this.clock.withZone(office.zone()));
		Set<TicketState> inLine = EnumSet.of(TicketState.WAITING, TicketState.ISSUED, TicketState.ABSENT);
		return new LineHead(this.tickets.findFirstInQueues(office.id(), today, queues, inLine, limit),
				this.tickets.countInQueues(office.id(), today, queues, inLine));
	}

	/** The first tickets of a line and its length. */
	public record LineHead(List<Ticket> first, int total) {
	}

	/** Today's tickets of an office in the given states, in line order. */
	public List<Ticket> inStates(String officeId, Collection<TicketState> states) {
		Office office = this.offices.get(officeId);
		return this.tickets.findOpenInStates(office.id(), LocalDate.now(this.clock.withZone(office.zone())), states);
	}

	/**
	 * Today's open tickets and the journal number they are current to, read under the
	 * office's lock so that the two agree: a read model built from it applies only later
	 * events.
	 */
	public OpenTickets openTickets(String officeId) {
		Office office = this.offices.get(officeId);
		return this.transactions.execute((status) -> {
			this.journal.lock(office.id());
			// read again under the lock: a statement after the lock sees every commit
			// before it
			long seq = this.journal.currentSeq(office.id());
			LocalDate today = LocalDate.now(this.clock.withZone(office.zone()));
			return new OpenTickets(seq, today, this.tickets.findOpenInStates(office.id(), today, TicketState.OPEN));
		});
	}

	/** Committed events of an office after {@code seq}, at most {@code limit}. */
	public List<TicketEvent> eventsAfter(String officeId, long seq, int limit) {
		return this.journal.after(officeId, seq, limit);
	}

	public long lastEvent(String officeId) {
		return this.journal.currentSeq(officeId);
	}

	public record TicketDetails(Ticket ticket, int peopleAhead, WaitEstimate estimate, List<TicketEvent> history) {
	}

	public record OpenTickets(long seq, LocalDate businessDate, List<Ticket> tickets) {
	}

}
