package jp.madoguchi.simulation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * With the {@code simulation} profile, every part of the application runs on simulated
 * time.
 */
@Configuration(proxyBeanMethods = false)
@Profile("simulation")
class SimulationConfiguration {

	@Bean
	@Primary
	SimulatedClock simulatedClock() {
		return new SimulatedClock();
	}

}
