package jp.madoguchi.ticketing;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.shared.MadoguchiException.Kind;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How many web tickets one phone and one network address may take in a while — the fair
 * limits that stand in for a CAPTCHA. Counted in this instance's memory: behind a load
 * balancer with sticky addresses that is exact; otherwise each instance allows the limit
 * (the one-open-ticket-per-queue rule is enforced in the database everywhere).
 */
@Component
public class WebTicketLimits {

	private final Limits limits;

	private final TimeMeter time;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	WebTicketLimits(Limits limits, Clock clock) {
		this.limits = limits;
		this.time = new ClockTime(clock);
	}

	/**
	 * Counts one web ticket for a phone and an address.
	 * @param device the phone's device cookie, if it has one
	 * @param address the client's network address
	 * @throws MadoguchiException (429) when either has taken its share
	 */
	public void take(String device, String address) {
		if (device != null && !bucket("device:" + device, this.limits.perDevice()).tryConsume(1)) {
			throw new MadoguchiException(Kind.TOO_MANY, "too-many-tickets-device", this.limits.perDevice(),
					this.limits.window().toMinutes());
		}
		if (address != null && !bucket("address:" + address, this.limits.perAddress()).tryConsume(1)) {
			if (device != null) {
				// give the phone its token back: the address refused, not the phone
				bucket("device:" + device, this.limits.perDevice()).addTokens(1);
			}
			throw new MadoguchiException(Kind.TOO_MANY, "too-many-tickets-address", this.limits.window().toMinutes());
		}
	}

	/**
	 * Gives back what {@link #take} counted, for a request refused for another reason: a
	 * refusal is not a ticket.
	 */
	public void giveBack(String device, String address) {
		if (device != null) {
			bucket("device:" + device, this.limits.perDevice()).addTokens(1);
		}
		if (address != null) {
			bucket("address:" + address, this.limits.perAddress()).addTokens(1);
		}
	}

	private Bucket bucket(String key, int capacity) {
		return this.buckets.computeIfAbsent(key,
				(k) -> Bucket.builder()
					.withCustomTimePrecision(this.time)
					.addLimit(
							Bandwidth.builder().capacity(capacity).refillGreedy(capacity, this.limits.window()).build())
					.build());
	}

	/** Forgets phones and addresses whose share is whole again, to bound the memory. */
	@Scheduled(fixedDelayString = "PT10M")
	void forgetRefilled() {
		this.buckets.entrySet()
			.removeIf((entry) -> entry.getValue().getAvailableTokens() >= (entry.getKey().startsWith("device:")
					? this.limits.perDevice() : this.limits.perAddress()));
	}

	/**
	 * The limits.
	 *
	 * @param perDevice web tickets one phone may take in a window
	 * @param perAddress web tickets one network address may take in a window (generous:
	 * mobile carriers put many phones behind one address)
	 * @param window the window
	 */
	@ConfigurationProperties("madoguchi.limits")
	public record Limits(@DefaultValue("6") int perDevice, @DefaultValue("60") int perAddress,
			@DefaultValue("PT1H") Duration window) {
	}

	/** The application's clock, so that simulated days and tests move the limits too. */
	private record ClockTime(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			return this.clock.millis() * 1_000_000L;
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

}
