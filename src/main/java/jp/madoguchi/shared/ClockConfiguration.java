package jp.madoguchi.shared;

import java.time.Clock;
import java.time.Duration;
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
 * any hour.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

	public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private static final Log logger = LogFactory.getLog(ClockConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	Clock clock(@Value("${madoguchi.clock.start:}") String start) {
		Clock system = Clock.system(TOKYO);
		if (!StringUtils.hasText(start)) {
			return system;
		}
		OffsetDateTime startAt = OffsetDateTime.parse(start.trim());
		logger.info("Demo clock: starting at " + startAt);
		return Clock.offset(system, Duration.between(system.instant(), startAt.toInstant()));
	}

}
