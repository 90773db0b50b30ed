package jp.madoguchi.ticketing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jp.madoguchi.office.OfficeDefinition.Rules;
import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.shared.MadoguchiException.Kind;

/**
 * A numbered ticket: the aggregate of this module. Every step checks the state, changes
 * it, and records a {@link TicketEvent}; an illegal step throws and changes nothing.
 *
 * <p>
 * Order in the line is {@code (front, orderAt, seq)}: front tickets (an absent holder who
 * returned in time, a passed-over web holder who checked in in time) come first, then by
 * the time the ticket took its place — its issue time, kept across transfers.
 */
public final class Ticket {

	private final UUID id;

	private final String office;

	private final LocalDate businessDate;

	private final int seq;

	private final String number;

	private final String procedure;

	private final Channel channel;

	private final Instant issuedAt;

	private String queue;

	private TicketState state;

	private boolean front;

	private Instant orderAt;

	private Instant checkedInAt;

	private Instant passedOverAt;

	private Instant calledAt;

	private String counter;

	private int callCount;

	private Instant callDeadline;

	private Instant absentAt;

	private Instant startedAt;

	private Instant finishedAt;

	private String note;

	private final List<TicketEvent> events = new ArrayList<>();

	private Ticket(UUID id, String office, LocalDate businessDate, String queue, int seq, String number,
			String procedure, Channel channel, Instant issuedAt) {
		this.id = id;
		this.office = office;
		this.businessDate = businessDate;
		this.queue = queue;
		this.seq = seq;
		this.number = number;
		this.procedure = procedure;
		this.channel = channel;
		this.issuedAt = issuedAt;
		this.orderAt = issuedAt;
	}

	/**
	 * A new ticket: web tickets hold a place until they check in, others wait at once.
	 */
	static Ticket issue(UUID id, String office, LocalDate businessDate, String queue, int seq, String procedure,
			Channel channel, Instant now) {
		Ticket ticket = new Ticket(id, office, businessDate, queue, seq, queue + "-" + seq, procedure, channel, now);
		ticket.state = (channel == Channel.WEB) ? TicketState.ISSUED : TicketState.WAITING;
		if (channel != Channel.WEB) {
			ticket.checkedInAt = now;
		}
		ticket.record(TicketEvent.Kind.ISSUED, TicketState.ISSUED, ticket.queue, now, null);
		return ticket;
	}

	/**
	 * The holder is here. A passed-over web ticket keeps its turn (goes to the front) if
	 * it checks in within the grace time, otherwise it goes to the back of the line; an
	 * absent holder who returns within the grace time goes to the front. Checking in
	 * twice is harmless.
	 */
	void checkIn(Instant now, Rules rules) {
		switch (this.state) {
			case WAITING -> {
				return;
			}
			case ISSUED -> {
				if (this.passedOverAt != null) {
					boolean inTime = !now.isAfter(this.passedOverAt.plus(minutes(rules.passedOverGraceMinutes())));
					this.front = inTime;
					this.orderAt = inTime ? this.orderAt : now;
				}
			}
			case ABSENT -> {
				if (now.isAfter(this.absentAt.plus(minutes(rules.absentGraceMinutes())))) {
					throw refused("absent-grace-over", this.number, rules.absentGraceMinutes());
				}
				this.front = true;
			}
			default -> throw illegal("check-in");
		}
		TicketState from = this.state;
		this.state = TicketState.WAITING;
		this.checkedInAt = now;
		record(TicketEvent.Kind.CHECKED_IN, from, this.queue, now, null);
	}

	/** A counter called past this web ticket because its holder had not checked in. */
	void passOver(Instant now, Rules rules) {
		if (this.state != TicketState.ISSUED || this.passedOverAt != null) {
			throw illegal("pass-over");
		}
		this.passedOverAt = now;
		record(TicketEvent.Kind.PASSED_OVER, TicketState.ISSUED, this.queue, now,
				now.plus(minutes(rules.passedOverGraceMinutes())));
	}

	void call(String counter, Instant now, Rules rules) {
		if (this.state != TicketState.WAITING && this.state != TicketState.ABSENT) {
			throw illegal("call");
		}
		TicketState from = this.state;
		this.state = TicketState.CALLED;
		this.front = false;
		this.counter = counter;
		this.calledAt = now;
		this.callCount++;
		this.callDeadline = now.plus(minutes(rules.callWaitMinutes()));
		record(TicketEvent.Kind.CALLED, from, this.queue, now, this.callDeadline);
	}

	void recall(String counter, Instant now, Rules rules) {
		requireAt(counter, TicketState.CALLED, "recall");
		this.callCount++;
		this.calledAt = now;
		this.callDeadline = now.plus(minutes(rules.callWaitMinutes()));
		record(TicketEvent.Kind.RECALLED, TicketState.CALLED, this.queue, now, this.callDeadline);
	}

	void markAbsent(String counter, Instant now, Rules rules) {
		requireAt(counter, TicketState.CALLED, "absent");
		this.state = TicketState.ABSENT;
		this.absentAt = now;
		record(TicketEvent.Kind.ABSENT, TicketState.CALLED, this.queue, now,
				now.plus(minutes(rules.absentGraceMinutes())));
	}

	void start(String counter, Instant now) {
		requireAt(counter, TicketState.CALLED, "start");
		this.state = TicketState.SERVING;
		this.startedAt = now;
		record(TicketEvent.Kind.STARTED, TicketState.CALLED, this.queue, now, null);
	}

	void done(String counter, Instant now) {
		requireAt(counter, TicketState.SERVING, "done");
		this.state = TicketState.DONE;
		this.finishedAt = now;
		record(TicketEvent.Kind.DONE, TicketState.SERVING, this.queue, now, null);
	}

	/**
	 * Sends the ticket to another queue, where it waits with the place its issue time
	 * gives it, and a note for the next clerk.
	 */
	void transfer(String toQueue, String note, Instant now) {
		if (this.state != TicketState.WAITING && this.state != TicketState.CALLED
				&& this.state != TicketState.SERVING) {
			throw illegal("transfer");
		}
		if (toQueue.equals(this.queue)) {
			throw refused("transfer-same-queue", this.number, toQueue);
		}
		TicketState from = this.state;
		String fromQueue = this.queue;
		this.queue = toQueue;
		this.state = TicketState.WAITING;
		this.front = false;
		this.orderAt = this.issuedAt;
		this.counter = null;
		this.note = note;
		record(TicketEvent.Kind.TRANSFERRED, from, fromQueue, now, null);
	}

	/** Cancels an open ticket that is not being served; cancelling twice is harmless. */
	void cancel(Instant now) {
		if (this.state == TicketState.CANCELLED) {
			return;
		}
		if (!this.state.isOpen() || this.state == TicketState.SERVING) {
			throw illegal("cancel");
		}
		close(TicketState.CANCELLED, TicketEvent.Kind.CANCELLED, now);
	}

	void expire(Instant now) {
		if (!this.state.isOpen()) {
			throw illegal("expire");
		}
		close(TicketState.EXPIRED, TicketEvent.Kind.EXPIRED, now);
	}

	private void close(TicketState to, TicketEvent.Kind kind, Instant now) {
		TicketState from = this.state;
		this.state = to;
		this.finishedAt = now;
		record(kind, from, this.queue, now, null);
	}

	private void requireAt(String counter, TicketState expected, String step) {
		if (this.state != expected) {
			throw illegal(step);
		}
		if (!Objects.equals(this.counter, counter)) {
			throw refused("ticket-at-other-counter", this.number, this.counter);
		}
	}

	private void record(TicketEvent.Kind kind, TicketState from, String fromQueue, Instant at, Instant until) {
		this.events.add(new TicketEvent(0, kind, this.office, this.businessDate, this.id, this.number, this.queue,
				fromQueue, this.procedure, this.channel, from, this.state, this.counter, at, until, this.note));
	}

	private MadoguchiException illegal(String step) {
		return new MadoguchiException(Kind.CONFLICT, "illegal-step." + step, this.number,
				this.state.name().toLowerCase(java.util.Locale.ROOT));
	}

	private static MadoguchiException refused(String code, Object... args) {
		return new MadoguchiException(Kind.CONFLICT, code, args);
	}

	private static Duration minutes(int minutes) {
		return Duration.ofMinutes(minutes);
	}

	/** The events recorded since the ticket was loaded, and forgets them. */
	List<TicketEvent> drainEvents() {
		List<TicketEvent> drained = List.copyOf(this.events);
		this.events.clear();
		return drained;
	}

	static Ticket restore(Row row) {
		Ticket ticket = new Ticket(row.id(), row.office(), row.businessDate(), row.queue(), row.seq(), row.number(),
				row.procedure(), row.channel(), row.issuedAt());
		ticket.state = row.state();
		ticket.front = row.front();
		ticket.orderAt = row.orderAt();
		ticket.checkedInAt = row.checkedInAt();
		ticket.passedOverAt = row.passedOverAt();
		ticket.calledAt = row.calledAt();
		ticket.counter = row.counter();
		ticket.callCount = row.callCount();
		ticket.callDeadline = row.callDeadline();
		ticket.absentAt = row.absentAt();
		ticket.startedAt = row.startedAt();
		ticket.finishedAt = row.finishedAt();
		ticket.note = row.note();
		return ticket;
	}

	Row toRow() {
		return new Row(this.id, this.office, this.businessDate, this.queue, this.seq, this.number, this.procedure,
				this.channel, this.state, this.front, this.orderAt, this.issuedAt, this.checkedInAt, this.passedOverAt,
				this.calledAt, this.counter, this.callCount, this.callDeadline, this.absentAt, this.startedAt,
				this.finishedAt, this.note);
	}

	/** The stored form of a ticket, one field a column. */
	record Row(UUID id, String office, LocalDate businessDate, String queue, int seq, String number, String procedure,
			Channel channel, TicketState state, boolean front, Instant orderAt, Instant issuedAt, Instant checkedInAt,
			Instant passedOverAt, Instant calledAt, String counter, int callCount, Instant callDeadline,
			Instant absentAt, Instant startedAt, Instant finishedAt, String note) {
	}

	public UUID id() {
		return this.id;
	}

	public String office() {
		return this.office;
	}

	public LocalDate businessDate() {
		return this.businessDate;
	}

	public String queue() {
		return this.queue;
	}

	public int seq() {
		return this.seq;
	}

	public String number() {
		return this.number;
	}

	public String procedure() {
		return this.procedure;
	}

	public Channel channel() {
		return this.channel;
	}

	public TicketState state() {
		return this.state;
	}

	public boolean front() {
		return this.front;
	}

	public Instant orderAt() {
		return this.orderAt;
	}

	public Instant issuedAt() {
		return this.issuedAt;
	}

	public Instant checkedInAt() {
		return this.checkedInAt;
	}

	public Instant passedOverAt() {
		return this.passedOverAt;
	}

	public Instant calledAt() {
		return this.calledAt;
	}

	public String counter() {
		return this.counter;
	}

	public int callCount() {
		return this.callCount;
	}

	public Instant callDeadline() {
		return this.callDeadline;
	}

	public Instant absentAt() {
		return this.absentAt;
	}

	public Instant startedAt() {
		return this.startedAt;
	}

	public Instant finishedAt() {
		return this.finishedAt;
	}

	public String note() {
		return this.note;
	}

}
