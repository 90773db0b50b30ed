package jp.madoguchi.ticketing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import jp.madoguchi.estimate.Line;
import jp.madoguchi.estimate.LineEstimate;
import jp.madoguchi.estimate.WaitEstimate;
import jp.madoguchi.estimate.WaitEstimator;
import jp.madoguchi.office.Office;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Every estimate the application shows or sends — the ticket page, the office page and
 * status API, the hall display, the kiosk's ticket, the notices, the web-ticket stop —
 * comes from here: the estimator's answer for each place of a queue's line, read from the
 * database once and kept until the queue's line changes or the minute turns. While one
 * request estimates a line, others asking for it in the same minute (for a long line, at
 * any time) get the estimate of a moment ago instead of estimating it again.
 *
 * <p>
 * A long line (over {@value #LONG_LINE} tickets) is read again at most every
 * {@link #LONG_LINE_REFRESH} (longer for a line of thousands) while it keeps changing:
 * the places that joined meanwhile are estimated from the end of the line read, so that
 * issuing a ticket costs the same at any length of line.
 */
@Service
public class WaitForecasts {

	static final int LONG_LINE = 50;

	static final Duration LONG_LINE_REFRESH = Duration.ofSeconds(2);

	private final TicketRepository tickets;

	private final WaitEstimator estimator;

	private final Clock clock;

	// the board (a read model built from ticket events) says when a line has changed
	private final ObjectProvider<QueueLoad> load;

	private final Map<String, Forecast> forecasts = new ConcurrentHashMap<>();

	/** One estimate of a line at a time: the others use the previous one meanwhile. */
	private final Map<String, ReentrantLock> computing = new ConcurrentHashMap<>();

	WaitForecasts(TicketRepository tickets, WaitEstimator estimator, Clock clock, ObjectProvider<QueueLoad> load) {
		this.tickets = tickets;
		this.estimator = estimator;
		this.clock = clock;
		this.load = load;
	}

	/** The estimated wait of a holder with this many tickets ahead in a queue. */
	public WaitEstimate at(Office office, String queue, int ahead) {
		return forecast(office, queue).estimate().at(ahead);
	}

	/**
	 * Whether the estimated wait of a holder with this many tickets ahead surely ends
	 * within this many minutes, told by the estimator's bound without reading or
	 * estimating the line; false when only the estimate can tell.
	 */
	public boolean surelyWithin(Office office, String queue, int ahead, long minutes) {
		// the estimate is rounded to whole minutes
		return this.estimator.ceiling(office, queue, ahead) + 0.5 <= minutes;
	}

	private Forecast forecast(Office office, String queue) {
		String key = office.id() + "/" + queue;
		long seq = this.load.getObject().lastEvent(office.id(), queue);
		Instant now = this.clock.instant();
		long minute = now.getEpochSecond() / 60;
		long nanos = System.nanoTime();
		Forecast known = this.forecasts.get(key);
		if (known != null && known.isCurrent(seq, minute, nanos)) {
			return known;
		}
		ReentrantLock lock = this.computing.computeIfAbsent(key, (k) -> new ReentrantLock());
		if (known != null && (known.minute == minute || known.isLong()) && !lock.tryLock()) {
			// another request is estimating this line: the answer of a moment ago will
			// do (for a long line also when the minute has just turned, or every request
			// would queue behind the one estimating it)
			return known;
		}
		if (!lock.isHeldByCurrentThread()) {
			lock.lock();
		}
		try {
			Forecast latest = this.forecasts.get(key);
			if (latest != null && latest != known && latest.isCurrent(seq, minute, nanos)) {
				return latest;
			}
			Forecast fresh = new Forecast(seq, minute, nanos,
					this.estimator.estimate(office, line(office, queue, now)));
			this.forecasts.put(key, fresh);
			return fresh;
		}
		finally {
			lock.unlock();
		}
	}

	private Line line(Office office, String queue, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, office.zone());
		List<Line.AtCounter> inService = this.tickets.calledAtCounters(office.id(), today, queue)
			.stream()
			.map((called) -> new Line.AtCounter(called.getKey(), elapsedSince(called.getValue(), now)))
			.toList();
		return new Line(queue, this.tickets.linePlaces(office.id(), today, queue), inService);
	}

	private static Duration elapsedSince(Instant from, Instant now) {
		Duration elapsed = Duration.between(from, now);
		return elapsed.isNegative() ? Duration.ZERO : elapsed;
	}

	/**
	 * How long a long line's estimate is kept while the line keeps changing: the longer
	 * the line, the more it costs to read and simulate and the less a few tickets change
	 * it (2 s for every 500 tickets: 12 s for 3,000).
	 */
	static Duration refreshAfter(int lineLength) {
		return LONG_LINE_REFRESH.multipliedBy(Math.max(1, lineLength / 500));
	}

	private record Forecast(long seq, long minute, long readAtNanos, LineEstimate estimate) {

		boolean isLong() {
			return this.estimate.lineLength() > LONG_LINE;
		}

		boolean isCurrent(long seq, long minute, long nanos) {
			if (minute != this.minute) {
				return false;
			}
			if (seq == this.seq) {
				return true;
			}
			return isLong() && nanos - this.readAtNanos < refreshAfter(this.estimate.lineLength()).toNanos();
		}

	}

}
