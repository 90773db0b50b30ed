package jp.madoguchi.estimate;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The most recent service times observed per queue and per procedure (a rolling window),
 * from the office's own history.
 */
@Component
public class ServiceTimes {

	/** How many of the latest services of a procedure or queue make its mean. */
	public static final int WINDOW = 20;

	/**
	 * How many services the procedure's configured minutes count for: a procedure seen
	 * twice is mostly its configured minutes, one seen twenty times mostly its history.
	 */
	static final int PRIOR_WEIGHT = 3;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	public void observe(String office, String queue, String procedure, Duration serviceTime) {
		double minutes = serviceTime.toMillis() / 60000.0;
		this.windows.computeIfAbsent(office + "/" + queue, (key) -> new Window()).add(minutes);
		this.windows.computeIfAbsent(office + "/procedure/" + procedure, (key) -> new Window()).add(minutes);
	}

	/** The mean of the recent service times of a queue, in minutes, if any were seen. */
	public OptionalDouble recentMeanMinutes(String office, String queue) {
		Window window = this.windows.get(office + "/" + queue);
		return (window != null) ? window.mean() : OptionalDouble.empty();
	}

	/**
	 * A procedure's expected service time: its recent services, blended with its
	 * configured minutes while few have been seen.
	 */
	public double procedureMinutes(String office, String procedure, double configuredMinutes) {
		Window window = this.windows.get(office + "/procedure/" + procedure);
		return (window != null) ? window.blendedMean(configuredMinutes) : configuredMinutes;
	}

	private static final class Window {

		private final ArrayDeque<Double> minutes = new ArrayDeque<>();

		private double sum;

		synchronized void add(double value) {
			this.minutes.addLast(value);
			this.sum += value;
			if (this.minutes.size() > WINDOW) {
				this.sum -= this.minutes.removeFirst();
			}
		}

		synchronized OptionalDouble mean() {
			return this.minutes.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(this.sum / this.minutes.size());
		}

		synchronized double blendedMean(double prior) {
			return (this.sum + PRIOR_WEIGHT * prior) / (this.minutes.size() + PRIOR_WEIGHT);
		}

	}

}
