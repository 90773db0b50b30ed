package jp.madoguchi.ticketing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One step of a ticket's life, as recorded in the office's journal and published, in
 * journal order, to the other modules of every instance after it is committed.
 * {@code seq} numbers an office's events without gaps; it is the {@code id} of the live
 * event stream.
 *
 * @param seq the event's number in its office's journal (0 until it is appended)
 * @param from the state before the step
 * @param state the state after it
 * @param fromQueue the queue before a transfer, otherwise the same as {@code queue}
 * @param counter the counter involved, if any
 * @param until for a call: until when the holder may come; for an absence: until when
 * they may return
 */
public record TicketEvent(long seq, Kind kind, String office, LocalDate businessDate, UUID ticket, String number,
		String queue, String fromQueue, String procedure, Channel channel, TicketState from, TicketState state,
		String counter, Instant at, Instant until, String note) {

	public TicketEvent withSeq(long seq) {
		return new TicketEvent(seq, this.kind, this.office, this.businessDate, this.ticket, this.number, this.queue,
				this.fromQueue, this.procedure, this.channel, this.from, this.state, this.counter, this.at, this.until,
				this.note);
	}

	/** What happened. */
	public enum Kind {

		ISSUED, CHECKED_IN, PASSED_OVER, CALLED, RECALLED, ABSENT, STARTED, DONE, TRANSFERRED, CANCELLED, EXPIRED

	}

}
