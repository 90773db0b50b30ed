package jp.madoguchi.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code madoguchi.clock.start} starts the application's clock at a given instant. */
class DemoClockTest {

	@Test
	void startsAtTheGivenInstantAndRunsOn() throws InterruptedException {
		Clock clock = new ClockConfiguration().clock("2026-03-30T08:45+09:00");
		Instant start = OffsetDateTime.parse("2026-03-30T08:45+09:00").toInstant();
		assertThat(Duration.between(start, clock.instant())).isBetween(Duration.ZERO, Duration.ofMinutes(1));
		Instant first = clock.instant();
		Thread.sleep(20);
		assertThat(clock.instant()).isAfter(first);
		assertThat(clock.getZone()).isEqualTo(ClockConfiguration.TOKYO);
	}

	@Test
	void isTheRealClockInTokyoByDefault() {
		Clock clock = new ClockConfiguration().clock("");
		assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofMinutes(1));
		assertThat(clock.getZone()).isEqualTo(ClockConfiguration.TOKYO);
	}

}
