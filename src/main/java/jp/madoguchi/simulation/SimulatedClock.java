package jp.madoguchi.simulation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock that moves only when told: the engine sees simulated time, nothing waits. The
 * tests' clock is one too.
 */
public class SimulatedClock extends Clock {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private volatile Instant now = Instant.parse("2030-01-07T00:00:00Z");

	public void set(Instant instant) {
		this.now = instant;
	}

	@Override
	public ZoneId getZone() {
		return TOKYO;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(this.now, zone);
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
