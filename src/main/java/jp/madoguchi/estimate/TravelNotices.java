package jp.madoguchi.estimate;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jp.madoguchi.office.Office;

/**
 * Which web holders not here yet have been told to come, when, and how long they said
 * their way takes: implemented by the module that sends the notices, so that the estimate
 * expects them after their travel time, and gives up on them the longer they are overdue.
 */
public interface TravelNotices {

	/**
	 * The office's web tickets whose holders were told to come and have not checked in.
	 */
	Map<UUID, Told> toldToCome(Office office);

	/**
	 * A notice to leave.
	 *
	 * @param at when it was sent
	 * @param travelMinutes the holder's way to the office
	 */
	record Told(Instant at, int travelMinutes) {
	}

}
