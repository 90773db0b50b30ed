package jp.madoguchi.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The one clock of the application. By default the real clock in Asia/Tokyo; with
 * {@code madoguchi.clock.start} (or {@code MADOGUCHI_CLOCK_START}) it starts at that
 * instant and runs on from there, so a demo or a training session has an open office at
 * any hour; with {@code madoguchi.clock.speed} it runs that many times as fast.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

	public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private static final Log logger = LogFactory.getLog(ClockConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	Clock clock(@Value("${madoguchi.clock.start:}") String start, @Value("${madoguchi.clock.speed:1}") double speed) {
		Clock system = Clock.system(TOKYO);
		if (!StringUtils.hasText(start)) {
			return system;
		}
		OffsetDateTime startAt = OffsetDateTime.parse(start.trim());
		logger
			.info("Demo clock: starting at " + startAt + ((speed != 1) ? ", running " + speed + " times as fast" : ""));
		if (speed == 1) {
			return Clock.offset(system, Duration.between(system.instant(), startAt.toInstant()));
		}
		return new RunningClock(system, startAt.toInstant(), speed);
	}

	/**
	 * A clock that starts at an instant and runs faster than real time: a demonstration
	 * plays a whole day in minutes ({@code madoguchi.clock.speed}).
	 */
	static final class RunningClock extends Clock {

		private final Clock real;

		private final Instant realStart;

		private final Instant start;

		private final double speed;

		RunningClock(Clock real, Instant start, double speed) {
			this.real = real;
			this.realStart = real.instant();
			this.start = start;
			this.speed = speed;
		}

		@Override
		public ZoneId getZone() {
			return this.real.getZone();
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(instant(), zone);
		}

		@Override
		public Instant instant() {
			long elapsed = Duration.between(this.realStart, this.real.instant()).toNanos();
			return this.start.plusNanos((long) (elapsed * this.speed));
		}

	}

}
