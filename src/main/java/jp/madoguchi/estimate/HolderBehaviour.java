package jp.madoguchi.estimate;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * What the office has seen of its holders lately: the share of web tickets whose holders
 * come at all (check in, sooner or later — one passed over who comes within the grace
 * time is served next, so still before those behind), and how often people waiting in the
 * office give up (per minute waited). Both start from a cautious prior and follow the
 * latest {@value #WINDOW} observations.
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

	}

}
