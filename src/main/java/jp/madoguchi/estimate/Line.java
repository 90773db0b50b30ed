package jp.madoguchi.estimate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A queue's line as the estimator needs it: the tickets holding a place, in line order,
 * and the services under way at its counters.
 *
 * @param queue the queue
 * @param places the tickets in line, first first
 * @param inService each ticket now called to or served at a counter of the queue
 */
public record Line(String queue, List<Place> places, List<AtCounter> inService) {

	/**
	 * A ticket at a counter.
	 *
	 * @param procedure its procedure
	 * @param elapsed how long it has been there
	 */
	public record AtCounter(String procedure, Duration elapsed) {
	}

	/**
	 * One ticket in line.
	 *
	 * @param procedure its procedure, for its service time
	 * @param present whether its holder is in the office (checked in, or a paper ticket)
	 * @param web whether it is a web ticket (a web holder not here may not come; a holder
	 * in the office may give up)
	 * @param ticket the ticket, to know whether its holder was told to come (null when
	 * unknown)
	 */
	public record Place(String procedure, boolean present, boolean web, UUID ticket) {

		public Place(String procedure, boolean present, boolean web) {
			this(procedure, present, web, null);
		}

	}

}
