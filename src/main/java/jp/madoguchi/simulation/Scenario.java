package jp.madoguchi.simulation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.function.BiPredicate;

import jp.madoguchi.office.Office;

/**
 * The kinds of day the estimators are measured on.
 *
 * @param dayFactor arrivals against an ordinary weekday
 * @param movingFactor arrivals of the moving procedures (転入・転出・転居, 国保) against that
 * @param noShow the share of web holders who never come
 */
public enum Scenario {

	/** An ordinary Wednesday or Thursday. */
	WEEKDAY(1.0, 1.0, 0.08,
			(office, day) -> isWeekday(office, day)
					&& (day.getDayOfWeek() == DayOfWeek.WEDNESDAY || day.getDayOfWeek() == DayOfWeek.THURSDAY)),
	/** A Monday: the busiest weekday. */
	MONDAY(1.3, 1.0, 0.08, (office, day) -> isWeekday(office, day) && day.getDayOfWeek() == DayOfWeek.MONDAY),
	/** A weekday of the moving season (20 March – 5 April). */
	MOVING_SEASON(1.1, 4.0, 0.15,
			(office, day) -> isWeekday(office, day) && !MonthDay.from(day).isBefore(MonthDay.of(3, 20))
					&& !MonthDay.from(day).isAfter(MonthDay.of(4, 5))),
	/** The morning of a 2nd Saturday: three hours, fewer queues. */
	SATURDAY_MORNING(0.9, 1.0, 0.03,
			(office, day) -> day.getDayOfWeek() == DayOfWeek.SATURDAY && office.hoursOn(day).isPresent()
					&& (day.getDayOfMonth() - 1) / 7 == 1),
	/** An ordinary weekday on which a counter closes for half an hour without notice. */
	COUNTER_SHOCK(1.0, 1.0, 0.08, (office, day) -> isWeekday(office, day)
			&& (day.getDayOfWeek() == DayOfWeek.TUESDAY || day.getDayOfWeek() == DayOfWeek.FRIDAY));

	private final double dayFactor;

	private final double movingFactor;

	private final double noShow;

	private final BiPredicate<Office, LocalDate> days;

	Scenario(double dayFactor, double movingFactor, double noShow, BiPredicate<Office, LocalDate> days) {
		this.dayFactor = dayFactor;
		this.movingFactor = movingFactor;
		this.noShow = noShow;
		this.days = days;
	}

	public double dayFactor() {
		return this.dayFactor;
	}

	public double movingFactor() {
		return this.movingFactor;
	}

	public double noShow() {
		return this.noShow;
	}

	public boolean shock() {
		return this == COUNTER_SHOCK;
	}

	/** Whether a day of the office's calendar is a day of this kind. */
	public boolean matches(Office office, LocalDate day) {
		return this.days.test(office, day);
	}

	private static boolean isWeekday(Office office, LocalDate day) {
		return day.getDayOfWeek().getValue() <= 5 && office.hoursOn(day).isPresent();
	}

}
