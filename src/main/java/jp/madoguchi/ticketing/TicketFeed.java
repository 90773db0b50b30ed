package jp.madoguchi.ticketing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes committed ticket events to the rest of the application, per office in journal
 * order, each exactly once. Events arrive from this instance's commits and, through
 * {@link #catchUp}, from other instances' (announced by NOTIFY, or found by a periodic
 * look); any gap is filled from the journal, so listeners never see a hole or a repeat.
 */
@Component
class TicketFeed {

	private static final Log logger = LogFactory.getLog(TicketFeed.class);

	private static final int PAGE = 500;

	private final TicketJournal journal;

	private final ApplicationEventPublisher publisher;

	private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();

	TicketFeed(TicketJournal journal, ApplicationEventPublisher publisher) {
		this.journal = journal;
		this.publisher = publisher;
	}

	/**
	 * Starts an office's feed after {@code seq} (what the read models were built from).
	 */
	void startAt(String office, long seq) {
		this.cursors.put(office, new Cursor(seq));
	}

	/** Events this instance has just committed. */
	void committed(String office, List<TicketEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		Cursor cursor = cursor(office);
		synchronized (cursor) {
			long first = events.get(0).seq();
			if (first > cursor.seq + 1) {
				fill(office, cursor, first - 1);
			}
			for (TicketEvent event : events) {
				if (event.seq() == cursor.seq + 1) {
					publish(cursor, event);
				}
			}
		}
	}

	/**
	 * Another instance committed up to {@code seq} (or we are not sure): read what we
	 * miss.
	 */
	void catchUp(String office, long seq) {
		Cursor cursor = cursor(office);
		synchronized (cursor) {
			if (seq > cursor.seq) {
				fill(office, cursor, seq);
			}
		}
	}

	private void fill(String office, Cursor cursor, long upTo) {
		while (cursor.seq < upTo) {
			List<TicketEvent> missing = this.journal.after(office, cursor.seq, PAGE);
			if (missing.isEmpty()) {
				return;
			}
			for (TicketEvent event : missing) {
				if (event.seq() != cursor.seq + 1) {
					throw new IllegalStateException("Journal of " + office + " has a hole before " + event.seq());
				}
				publish(cursor, event);
			}
		}
	}

	private void publish(Cursor cursor, TicketEvent event) {
		cursor.seq = event.seq();
		try {
			this.publisher.publishEvent(event);
		}
		catch (RuntimeException ex) {
			// a listener's failure must not stop the others from seeing later events
			logger.error("Listener failed on " + event, ex);
		}
	}

	private Cursor cursor(String office) {
		return this.cursors.computeIfAbsent(office, (id) -> new Cursor(this.journal.currentSeq(id)));
	}

	private static final class Cursor {

		private long seq;

		private Cursor(long seq) {
			this.seq = seq;
		}

	}

}
