package jp.madoguchi.office;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every national holiday of 2020–2030 as computed by rule, against the published list
 * (the table of the {@code @holiday-jp/holiday_jp} package, which follows the Cabinet
 * Office's).
 */
class JapaneseHolidaysTest {

	@Test
	void everyHolidayOf2020To2030MatchesThePublishedList() throws IOException {
		Map<LocalDate, String> published = publishedHolidays();
		TreeSet<LocalDate> computed = new TreeSet<>();
		IntStream.rangeClosed(2020, 2030).forEach((year) -> computed.addAll(JapaneseHolidays.of(year).keySet()));
		assertThat(computed).containsExactlyElementsOf(published.keySet());
		assertThat(published).hasSizeGreaterThan(150);
	}

	@Test
	void namesTheSubstituteAndCitizensHolidays() {
		assertThat(JapaneseHolidays.nameOf(LocalDate.of(2026, 5, 6))).contains("振替休日");
		assertThat(JapaneseHolidays.nameOf(LocalDate.of(2026, 9, 22))).contains("国民の休日");
		assertThat(JapaneseHolidays.nameOf(LocalDate.of(2026, 3, 20))).contains("春分の日");
		assertThat(JapaneseHolidays.nameOf(LocalDate.of(2026, 9, 23))).contains("秋分の日");
		assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2026, 3, 30))).isFalse();
	}

	private static Map<LocalDate, String> publishedHolidays() throws IOException {
		Map<LocalDate, String> holidays = new TreeMap<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				JapaneseHolidaysTest.class.getResourceAsStream("/holidays/holiday-jp-2020-2030.csv"),
				StandardCharsets.UTF_8))) {
			reader.lines().filter((line) -> !line.startsWith("#") && !line.isBlank()).forEach((line) -> {
				String[] parts = line.split(",", 2);
				holidays.put(LocalDate.parse(parts[0]), parts[1]);
			});
		}
		return holidays;
	}

}
