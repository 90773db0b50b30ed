package jp.madoguchi.support;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import jp.madoguchi.office.JapaneseHolidays;
import jp.madoguchi.simulation.SimulatedClock;

/**
 * A clock the tests move by hand, in Asia/Tokyo. Tests that share an application context
 * each start on a business day of their own, always later than any day used before, so
 * numbers and lines never mix between tests and the read models only ever see time go
 * forward.
 */
public final class TestClock extends SimulatedClock {

	public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private static final AtomicReference<LocalDate> lastDay = new AtomicReference<>(LocalDate.of(2027, 1, 4));

	public TestClock() {
		set(lastDay.get().atTime(8, 45).atZone(TOKYO).toInstant());
	}

	/** Moves to 09:00 on the next ordinary weekday (not a holiday, not 12/29-1/3). */
	public LocalDate nextWeekday() {
		return nextDay((d) -> d.getDayOfWeek().getValue() <= 5 && !JapaneseHolidays.isHoliday(d)
				&& !(d.getMonthValue() == 12 && d.getDayOfMonth() >= 29)
				&& !(d.getMonthValue() == 1 && d.getDayOfMonth() <= 3), LocalTime.of(9, 0));
	}

	/** Moves to a time on the next day (after every day used so far) that matches. */
	public LocalDate nextDay(Predicate<LocalDate> matching, LocalTime time) {
		LocalDate day = lastDay.updateAndGet((last) -> {
			LocalDate candidate = last.plusDays(1);
			while (!matching.test(candidate)) {
				candidate = candidate.plusDays(1);
			}
			return candidate;
		});
		set(day, time);
		return day;
	}

	/** The next 2nd or 4th Saturday that is not a holiday. */
	public LocalDate nextOfficeSaturday(LocalTime time) {
		return nextDay((d) -> d.getDayOfWeek() == DayOfWeek.SATURDAY && !JapaneseHolidays.isHoliday(d)
				&& ((d.getDayOfMonth() - 1) / 7 + 1 == 2 || (d.getDayOfMonth() - 1) / 7 + 1 == 4), time);
	}

	public void set(LocalDate day, LocalTime time) {
		set(day.atTime(time).atZone(TOKYO).toInstant());
	}

	/** Sets the time of day on the current day. */
	public void at(LocalTime time) {
		set(today(), time);
	}

	public LocalDate today() {
		return LocalDate.ofInstant(instant(), TOKYO);
	}

	public void advance(Duration duration) {
		set(instant().plus(duration));
	}

}
