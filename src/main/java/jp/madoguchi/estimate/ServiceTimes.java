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

	/**
	 * The spread of service times (standard deviation ÷ mean), pooled over the procedures
	 * of an office seen at least {@value #SPREAD_AFTER} times; the default spread before.
	 */
	public double serviceCv(String office, double defaultCv) {
		String prefix = office + "/procedure/";
		double squares = 0;
		int count = 0;
		for (Map.Entry<String, Window> entry : this.windows.entrySet()) {
			if (entry.getKey().startsWith(prefix)) {
				double[] spread = entry.getValue().relativeSquares();
				if (spread[1] >= SPREAD_AFTER) {
					squares += spread[0];
					count += (int) spread[1];
				}
			}
		}
		return (count > 0) ? Math.sqrt(squares / count) : defaultCv;
	}

	/** Services of a procedure to see before its spread counts. */
	static final int SPREAD_AFTER = 5;

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

		/** The sum of ((x − mean) ÷ mean)² over the window, and its size. */
		synchronized double[] relativeSquares() {
			if (this.minutes.isEmpty() || this.sum <= 0) {
				return new double[] { 0, 0 };
			}
			double mean = this.sum / this.minutes.size();
			double squares = 0;
			for (double value : this.minutes) {
				squares += (value - mean) * (value - mean) / (mean * mean);
			}
			return new double[] { squares, this.minutes.size() };
		}

		synchronized OptionalDouble mean() {
			return this.minutes.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(this.sum / this.minutes.size());
		}

		synchronized double blendedMean(double prior) {
			return (this.sum + PRIOR_WEIGHT * prior) / (this.minutes.size() + PRIOR_WEIGHT);
		}

	}

}
