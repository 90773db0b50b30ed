package jp.madoguchi.office;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Japanese national holidays computed by the rules of the National Holidays Act
 * (国民の祝日に関する法律) as they stand since 2020, with the equinox days from the astronomical
 * approximation used for 1980–2099, 振替休日 (a holiday on a Sunday moves to the next day
 * that is not a holiday) and 国民の休日 (a day between two holidays). The one-off dates of the
 * Tokyo Olympics (2020, 2021) are included; later one-off changes belong in an office's
 * extra closures.
 */
public final class JapaneseHolidays {

	private static final Map<Integer, Map<LocalDate, String>> BY_YEAR = new ConcurrentHashMap<>();

	private JapaneseHolidays() {
	}

	public static boolean isHoliday(LocalDate date) {
		return of(date.getYear()).containsKey(date);
	}

	public static Optional<String> nameOf(LocalDate date) {
		return Optional.ofNullable(of(date.getYear()).get(date));
	}

	/** The holidays of a year (2000–2099), in date order, with their Japanese names. */
	public static Map<LocalDate, String> of(int year) {
		if (year < 2000 || year > 2099) {
			throw new IllegalArgumentException("Holidays are computed for 2000-2099, not " + year);
		}
		return BY_YEAR.computeIfAbsent(year, JapaneseHolidays::compute);
	}

	private static Map<LocalDate, String> compute(int year) {
		TreeMap<LocalDate, String> days = new TreeMap<>();
		days.put(LocalDate.of(year, 1, 1), "元日");
		days.put(nthMonday(year, Month.JANUARY, 2), "成人の日");
		days.put(LocalDate.of(year, 2, 11), "建国記念の日");
		if (year >= 2020) {
			days.put(LocalDate.of(year, 2, 23), "天皇誕生日");
		}
		days.put(LocalDate.of(year, 3, vernalEquinoxDay(year)), "春分の日");
		days.put(LocalDate.of(year, 4, 29), "昭和の日");
		days.put(LocalDate.of(year, 5, 3), "憲法記念日");
		days.put(LocalDate.of(year, 5, 4), "みどりの日");
		days.put(LocalDate.of(year, 5, 5), "こどもの日");
		days.put(marineDay(year), "海の日");
		days.put(mountainDay(year), "山の日");
		days.put(nthMonday(year, Month.SEPTEMBER, 3), "敬老の日");
		days.put(LocalDate.of(year, 9, autumnalEquinoxDay(year)), "秋分の日");
		days.put(sportsDay(year), (year >= 2020) ? "スポーツの日" : "体育の日");
		days.put(LocalDate.of(year, 11, 3), "文化の日");
		days.put(LocalDate.of(year, 11, 23), "勤労感謝の日");
		if (year <= 2018) {
			days.put(LocalDate.of(year, 12, 23), "天皇誕生日");
		}
		addCitizensHolidays(days);
		addSubstituteHolidays(days);
		return Map.copyOf(days);
	}

	/** 国民の休日: a weekday squeezed between two holidays. */
	private static void addCitizensHolidays(TreeMap<LocalDate, String> days) {
		for (LocalDate day : days.keySet().toArray(LocalDate[]::new)) {
			LocalDate between = day.plusDays(1);
			if (days.containsKey(between.plusDays(1)) && !days.containsKey(between)
					&& between.getDayOfWeek() != DayOfWeek.SUNDAY) {
				days.put(between, "国民の休日");
			}
		}
	}

	/** 振替休日: a holiday on a Sunday gives the next non-holiday day off. */
	private static void addSubstituteHolidays(TreeMap<LocalDate, String> days) {
		for (LocalDate day : days.keySet().toArray(LocalDate[]::new)) {
			if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
				LocalDate next = day.plusDays(1);
				while (days.containsKey(next)) {
					next = next.plusDays(1);
				}
				days.put(next, "振替休日");
			}
		}
	}

	private static LocalDate marineDay(int year) {
		return switch (year) {
			case 2020 -> LocalDate.of(2020, 7, 23);
			case 2021 -> LocalDate.of(2021, 7, 22);
			default -> nthMonday(year, Month.JULY, 3);
		};
	}

	private static LocalDate mountainDay(int year) {
		return switch (year) {
			case 2020 -> LocalDate.of(2020, 8, 10);
			case 2021 -> LocalDate.of(2021, 8, 8);
			default -> LocalDate.of(year, 8, 11);
		};
	}

	private static LocalDate sportsDay(int year) {
		return switch (year) {
			case 2020 -> LocalDate.of(2020, 7, 24);
			case 2021 -> LocalDate.of(2021, 7, 23);
			default -> nthMonday(year, Month.OCTOBER, 2);
		};
	}

	private static LocalDate nthMonday(int year, Month month, int n) {
		return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
	}

	// The approximations published for 1980-2099 (they match the National Astronomical
	// Observatory's announcements through 2099).
	static int vernalEquinoxDay(int year) {
		return (int) (20.8431 + 0.242194 * (year - 1980)) - (year - 1980) / 4;
	}

	static int autumnalEquinoxDay(int year) {
		return (int) (23.2488 + 0.242194 * (year - 1980)) - (year - 1980) / 4;
	}

}
