package jp.madoguchi.board;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.madoguchi.ticketing.Ticket;
import jp.madoguchi.ticketing.TicketEvent;
import jp.madoguchi.ticketing.TicketQueries.OpenTickets;
import jp.madoguchi.ticketing.TicketState;

/**
 * The live read model of one office for one business day: how many tickets are in each
 * state in each queue, who is being called where, and the last calls. Built once from the
 * database, then kept current by applying each journal event once, in order; what it
 * answers costs the same at any queue length.
 */
final class OfficeBoard {

	static final int RECENT_CALLS = 10;

	private LocalDate businessDate;

	private long seq;

	/** The number of the last event that changed each queue's line. */
	private final Map<String, Long> queueSeqs = new HashMap<>();

	private final Map<String, EnumMap<TicketState, Integer>> counts = new HashMap<>();

	private final Map<String, Call> calling = new LinkedHashMap<>();

	private final ArrayDeque<Call> recentCalls = new ArrayDeque<>();

	OfficeBoard(OpenTickets snapshot) {
		this.businessDate = snapshot.businessDate();
		this.seq = snapshot.seq();
		for (Ticket ticket : snapshot.tickets()) {
			add(ticket.queue(), ticket.state(), 1);
			if (ticket.state() == TicketState.CALLED) {
				this.calling.put(ticket.number(), new Call(ticket.number(), ticket.queue(), ticket.counter(),
						ticket.calledAt(), ticket.callDeadline()));
			}
		}
	}

	/**
	 * Applies an event once; events already in the snapshot or of another day change
	 * nothing.
	 */
	synchronized void apply(TicketEvent event) {
		if (event.seq() <= this.seq) {
			return;
		}
		this.seq = event.seq();
		this.queueSeqs.put(event.queue(), event.seq());
		if (event.fromQueue() != null) {
			this.queueSeqs.put(event.fromQueue(), event.seq());
		}
		if (event.businessDate().isAfter(this.businessDate)) {
			startDay(event.businessDate());
		}
		if (!event.businessDate().equals(this.businessDate)) {
			return;
		}
		if (event.kind() != TicketEvent.Kind.ISSUED) {
			add(event.fromQueue(), event.from(), -1);
		}
		add(event.queue(), event.state(), 1);
		this.calling.remove(event.number());
		if (event.state() == TicketState.CALLED) {
			Call call = new Call(event.number(), event.queue(), event.counter(), event.at(), event.until());
			this.calling.put(event.number(), call);
			this.recentCalls.addFirst(call);
			while (this.recentCalls.size() > RECENT_CALLS) {
				this.recentCalls.removeLast();
			}
		}
	}

	/** A new business day: numbers restart and nothing is in line yet. */
	synchronized void startDay(LocalDate day) {
		if (day.isAfter(this.businessDate)) {
			this.businessDate = day;
			this.counts.clear();
			this.calling.clear();
			this.recentCalls.clear();
		}
	}

	private void add(String queue, TicketState state, int delta) {
		if (state.isOpen()) {
			this.counts.computeIfAbsent(queue, (q) -> new EnumMap<>(TicketState.class))
				.merge(state, delta, Integer::sum);
		}
	}

	synchronized int count(String queue, TicketState state) {
		EnumMap<TicketState, Integer> byState = this.counts.get(queue);
		return (byState != null) ? byState.getOrDefault(state, 0) : 0;
	}

	/**
	 * People who hold a place in the line: present, or web holders not yet checked in.
	 */
	synchronized int inLine(String queue) {
		return count(queue, TicketState.WAITING) + count(queue, TicketState.ISSUED);
	}

	synchronized List<Call> callingAt(String queue) {
		return this.calling.values().stream().filter((c) -> c.queue().equals(queue)).toList();
	}

	synchronized List<Call> recentCalls() {
		return new ArrayList<>(this.recentCalls);
	}

	synchronized long seq() {
		return this.seq;
	}

	/**
	 * The number of the last event applied that changed a queue (0 if none since the
	 * board was loaded).
	 */
	synchronized long seq(String queue) {
		return this.queueSeqs.getOrDefault(queue, 0L);
	}

	synchronized LocalDate businessDate() {
		return this.businessDate;
	}

	/** A ticket called to a counter. */
	record Call(String number, String queue, String counter, Instant at, Instant until) {
	}

}
