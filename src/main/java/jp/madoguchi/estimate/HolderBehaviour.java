package jp.madoguchi.estimate;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * What the office has seen of its holders lately: the share of web tickets whose holders
 * come at all (check in, sooner or later — one passed over who comes within the grace
 * time is served next, so still before those behind), and how often people waiting in the
 * office give up (per minute waited), and how late web holders told to come arrive after
 * their travel time. Each starts from a cautious prior and follows the latest
 * {@value #WINDOW} observations.
 */
@Component
public class HolderBehaviour {

	static final int WINDOW = 500;

	/** Before any web ticket is seen: nine web holders in ten come. */
	static final double PRIOR_PRESENCE = 0.9;

	/** How many web tickets the prior counts for. */
	static final int PRIOR_TICKETS = 20;

	/** Waits that must be seen before give-ups are counted against them, in minutes. */
	static final double PRIOR_MINUTES = 600;

	/** Before any arrival is seen: two minutes late on average… */
	public static final double PRIOR_LATE_MINUTES = 2;

	/** …give or take five. */
	public static final double PRIOR_LATE_SPREAD = 5;

	/** How many arrivals the lateness prior counts for. */
	static final int PRIOR_ARRIVALS = 20;

	private final Map<String, Window> lateness = new ConcurrentHashMap<>();

	private final Map<String, Window> webTickets = new ConcurrentHashMap<>();

	private final Map<String, Window> walkInWaits = new ConcurrentHashMap<>();

	/** A web ticket's holder came (checked in), or its ticket expired without them. */
	public void observeWebTicket(String office, boolean came) {
		this.webTickets.computeIfAbsent(office, (key) -> new Window()).add(came ? 1 : 0, 1);
	}

	/** Someone in the office stopped waiting: called, or gave up after this long. */
	public void observeWait(String office, double minutesWaited, boolean gaveUp) {
		this.walkInWaits.computeIfAbsent(office, (key) -> new Window()).add(gaveUp ? 1 : 0, minutesWaited);
	}

	/**
	 * A web holder told to come checked in this many minutes after their notice and
	 * travel time (negative when early).
	 */
	public void observeLateness(String office, double minutesLate) {
		this.lateness.computeIfAbsent(office, (key) -> new Window()).add(minutesLate, minutesLate * minutesLate);
	}

	/** How late, on average, web holders told to come arrive after their travel time. */
	public double lateMinutes(String office) {
		Window late = this.lateness.get(office);
		return (late == null) ? PRIOR_LATE_MINUTES : late.mean(PRIOR_LATE_MINUTES * PRIOR_ARRIVALS, PRIOR_ARRIVALS);
	}

	/** The standard deviation of that lateness. */
	public double lateSpread(String office) {
		Window late = this.lateness.get(office);
		if (late == null) {
			return PRIOR_LATE_SPREAD;
		}
		double mean = lateMinutes(office);
		double priorSquares = (PRIOR_LATE_SPREAD * PRIOR_LATE_SPREAD + PRIOR_LATE_MINUTES * PRIOR_LATE_MINUTES)
				* PRIOR_ARRIVALS;
		return Math.sqrt(Math.max(0, late.meanOfSecond(priorSquares, PRIOR_ARRIVALS) - mean * mean));
	}

	/** The chance that a web holder not yet here comes. */
	public double webPresence(String office) {
		Window tickets = this.webTickets.get(office);
		return (tickets == null) ? PRIOR_PRESENCE : tickets.ratio(PRIOR_PRESENCE * PRIOR_TICKETS, PRIOR_TICKETS);
	}

	/** How likely someone waiting in the office gives up, per minute. */
	public double giveUpPerMinute(String office) {
		Window waits = this.walkInWaits.get(office);
		return (waits == null) ? 0 : waits.ratio(0, PRIOR_MINUTES);
	}

	/** The latest observations: a count of events against what they are counted over. */
	private static final class Window {

		private final ArrayDeque<double[]> entries = new ArrayDeque<>();

		private double events;

		private double exposure;

		synchronized void add(double event, double over) {
			this.entries.addLast(new double[] { event, over });
			this.events += event;
			this.exposure += over;
			if (this.entries.size() > WINDOW) {
				double[] oldest = this.entries.removeFirst();
				this.events -= oldest[0];
				this.exposure -= oldest[1];
			}
		}

		synchronized double ratio(double priorEvents, double priorExposure) {
			return (this.events + priorEvents) / (this.exposure + priorExposure);
		}

		/** The mean of the first values, with a prior worth this many entries. */
		synchronized double mean(double priorSum, int priorEntries) {
			return (this.events + priorSum) / (this.entries.size() + priorEntries);
		}

		/** The mean of the second values, with a prior worth this many entries. */
		synchronized double meanOfSecond(double priorSum, int priorEntries) {
			return (this.exposure + priorSum) / (this.entries.size() + priorEntries);
		}

	}

}
