package jp.madoguchi.estimate;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * What the office has seen of its holders lately: the share of web holders who are in the
 * office when their turn comes, and how often people waiting in the office give up (per
 * minute waited). Both start from a cautious prior and follow the latest {@value #WINDOW}
 * observations.
 */
@Component
public class HolderBehaviour {

	static final int WINDOW = 500;

	/** Before any turn is seen: nine web holders in ten come. */
	static final double PRIOR_PRESENCE = 0.9;

	/** How many turns the prior counts for. */
	static final int PRIOR_TURNS = 20;

	/** Waits that must be seen before give-ups are counted against them, in minutes. */
	static final double PRIOR_MINUTES = 600;

	private final Map<String, Window> webTurns = new ConcurrentHashMap<>();

	private final Map<String, Window> walkInWaits = new ConcurrentHashMap<>();

	/** A web holder's turn came: were they here? */
	public void observeWebTurn(String office, boolean present) {
		this.webTurns.computeIfAbsent(office, (key) -> new Window()).add(present ? 1 : 0, 1);
	}

	/** Someone in the office stopped waiting: called, or gave up after this long. */
	public void observeWait(String office, double minutesWaited, boolean gaveUp) {
		this.walkInWaits.computeIfAbsent(office, (key) -> new Window()).add(gaveUp ? 1 : 0, minutesWaited);
	}

	/** The chance that a web holder not yet here is here when called. */
	public double webPresence(String office) {
		Window turns = this.webTurns.get(office);
		return (turns == null) ? PRIOR_PRESENCE : turns.ratio(PRIOR_PRESENCE * PRIOR_TURNS, PRIOR_TURNS);
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
