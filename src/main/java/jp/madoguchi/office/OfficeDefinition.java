package jp.madoguchi.office;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * An office as written in its definition file ({@code offices/konan.yaml}): hours,
 * closures, divisions with their queues and procedures, counters, and the rules of the
 * day. It is stored in the database as loaded; {@link Office} is the validated form the
 * code works with.
 */
public record OfficeDefinition(String id, LocalizedText name, String timeZone, Hours hours, Closures closures,
		WebTicketWindow webTickets, Rules rules, List<Division> divisions, List<Counter> counters, Hall hall) {

	public OfficeDefinition {
		hall = (hall != null) ? hall : new Hall(List.of(), List.of());
		timeZone = (timeZone != null) ? timeZone : "Asia/Tokyo";
		closures = (closures != null) ? closures : new Closures(true, true, List.of());
		rules = (rules != null) ? rules : new Rules(10, 30, 30, 5);
		divisions = List.copyOf(divisions);
		counters = List.copyOf(counters);
	}

	/**
	 * What the hall display says besides the calls.
	 *
	 * @param announceAlsoIn the languages the calls are announced in after Japanese (e.g.
	 * {@code en})
	 * @param notices the notices it shows in turn
	 */
	public record Hall(List<String> announceAlsoIn, List<HallNotice> notices) {

		public Hall {
			announceAlsoIn = (announceAlsoIn != null) ? List.copyOf(announceAlsoIn) : List.of();
			notices = (notices != null) ? List.copyOf(notices) : List.of();
		}

	}

	/**
	 * A notice for the hall: a title, a text, and optionally an image (a path under the
	 * application's static files, with its description).
	 */
	public record HallNotice(LocalizedText title, LocalizedText text, String image, LocalizedText imageText) {
	}

	/**
	 * Weekday hours, and the Saturdays of the month the office opens (2nd and 4th in
	 * Konan).
	 */
	public record Hours(OpeningHours weekdays, SaturdayHours saturdays) {
	}

	public record OpeningHours(LocalTime open, LocalTime close) {
	}

	public record SaturdayHours(List<Integer> weeksOfMonth, LocalTime open, LocalTime close) {

		public SaturdayHours {
			weeksOfMonth = (weeksOfMonth != null) ? List.copyOf(weeksOfMonth) : List.of();
		}

	}

	/** Days the office is closed besides Sundays and ordinary Saturdays. */
	public record Closures(boolean nationalHolidays, boolean newYear, List<LocalDate> extraDays) {

		public Closures {
			extraDays = (extraDays != null) ? List.copyOf(extraDays) : List.of();
		}

	}

	/** Until when web tickets are issued (they open with the office). */
	public record WebTicketWindow(LocalTime weekdayUntil, LocalTime saturdayUntil) {
	}

	/**
	 * The times of the ticket life, in minutes.
	 *
	 * @param callWaitMinutes how long a called holder has to reach the counter
	 * @param absentGraceMinutes an absent holder who returns within this goes to the
	 * front
	 * @param passedOverGraceMinutes a web ticket passed over before check-in keeps its
	 * turn this long
	 * @param checkInCodeMinutes how often the hall's check-in code changes
	 */
	public record Rules(int callWaitMinutes, int absentGraceMinutes, int passedOverGraceMinutes,
			int checkInCodeMinutes) {
	}

	public record Division(String id, LocalizedText name, boolean openOnSaturday, List<Queue> queues,
			List<Procedure> procedures, LocalizedText waitAt) {

		public Division {
			queues = List.copyOf(queues);
			procedures = List.copyOf(procedures);
		}

	}

	/** A line of tickets; its id is also the prefix of its numbers ("A" gives "A-23"). */
	public record Queue(String id, LocalizedText name) {
	}

	/**
	 * What a citizen comes for.
	 *
	 * @param web whether web tickets may be taken for it (default yes)
	 * @param openOnSaturday whether it is handled on office Saturdays (default: as its
	 * division)
	 * @param webUntil web tickets for it end at this time of day, if earlier than the
	 * office's web window (e.g. a procedure that takes long)
	 */
	public record Procedure(String id, String queue, LocalizedText name, int minutes, Boolean web,
			Boolean openOnSaturday, LocalizedText bring, LocalTime webUntil) {
	}

	public record Counter(String id, LocalizedText name, List<String> queues) {

		public Counter {
			queues = List.copyOf(queues);
		}

	}

}
