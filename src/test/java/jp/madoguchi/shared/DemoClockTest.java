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
		Clock clock = new ClockConfiguration().clock("2026-03-30T08:45+09:00", 1);
		Instant start = OffsetDateTime.parse("2026-03-30T08:45+09:00").toInstant();
		assertThat(Duration.between(start, clock.instant())).isBetween(Duration.ZERO, Duration.ofMinutes(1));
		Instant first = clock.instant();
		Thread.sleep(20);
		assertThat(clock.instant()).isAfter(first);
		assertThat(clock.getZone()).isEqualTo(ClockConfiguration.TOKYO);
	}

	@Test
	void runsFasterWhenAskedForADemonstration() throws InterruptedException {
		Clock clock = new ClockConfiguration().clock("2026-03-30T08:45+09:00", 600);
		Instant first = clock.instant();
		long realStart = System.nanoTime();
		Thread.sleep(50);
		Duration simulated = Duration.between(first, clock.instant());
		Duration real = Duration.ofNanos(System.nanoTime() - realStart);
		// at 600 times, 50 ms of real time are at least 30 s of the office's
		assertThat(simulated).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
		// and not much more: the demo clock reads the system clock, this test the
		// nanosecond
		// timer, and the two are read a few microseconds apart (600 times that is a
		// fraction of a second)
		assertThat(simulated).isLessThanOrEqualTo(real.multipliedBy(600).plusSeconds(3));
		assertThat(clock.getZone()).isEqualTo(ClockConfiguration.TOKYO);
	}

	@Test
	void isTheRealClockInTokyoByDefault() {
		Clock clock = new ClockConfiguration().clock("", 1);
		assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofMinutes(1));
		assertThat(clock.getZone()).isEqualTo(ClockConfiguration.TOKYO);
	}

}
