package jp.madoguchi.ticketing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers one batch of an office's changes gives out. The office's lock is held for
 * the whole batch, so no other change can take a number meanwhile: each day's last
 * numbers are read once (every queue in one query), counted on in memory, and written
 * once before the batch commits. Under load a batch carries a dozen tickets or more; this
 * spares each of them two round trips to the database.
 */
final class DayNumbers {

	private final TicketRepository tickets;

	private final String office;

	/** For each day read: every queue's last number as stored, and as counted on. */
	private final Map<LocalDate, Map<String, Counted>> days = new HashMap<>();

	DayNumbers(TicketRepository tickets, String office) {
		this.tickets = tickets;
		this.office = office;
	}

	/** The next number of a queue on a day. */
	int next(String queue, LocalDate day) {
		Map<String, Counted> queues = this.days.computeIfAbsent(day, this::read);
		Counted counted = queues.computeIfAbsent(queue, (q) -> new Counted(0));
		return ++counted.last;
	}

	private Map<String, Counted> read(LocalDate day) {
		Map<String, Counted> queues = new HashMap<>();
		this.tickets.lastNumbers(this.office, day).forEach((queue, last) -> queues.put(queue, new Counted(last)));
		return queues;
	}

	/** Writes the numbers given out, before the batch commits. */
	void write() {
		List<TicketRepository.LastNumber> inserted = new ArrayList<>();
		List<TicketRepository.LastNumber> updated = new ArrayList<>();
		this.days.forEach((day, queues) -> queues.forEach((queue, counted) -> {
			if (counted.last != counted.stored) {
				TicketRepository.LastNumber number = new TicketRepository.LastNumber(queue, day, counted.last);
				(counted.stored > 0 ? updated : inserted).add(number);
			}
		}));
		this.tickets.saveLastNumbers(this.office, inserted, updated);
	}

	/** A queue's last number as stored (0: no row yet, numbers start at 1) and now. */
	private static final class Counted {

		private final int stored;

		private int last;

		private Counted(int stored) {
			this.stored = stored;
			this.last = stored;
		}

	}

}
