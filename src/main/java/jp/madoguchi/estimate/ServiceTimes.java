package jp.madoguchi.estimate;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The most recent service times observed per procedure (a rolling window), from the
 * office's own history: the counter's time, from the call (the holder walks up, the
 * counter waits) to done.
 */
@Component
public class ServiceTimes {

	/** How many of the latest services of a procedure make its mean. */
	public static final int WINDOW = 20;

	/**
	 * How many services the procedure's configured minutes count for: a procedure seen
	 * twice is mostly its configured minutes, one seen twenty times mostly its history.
	 */
	static final int PRIOR_WEIGHT = 3;

	/** Services of a procedure to see before its spread counts. */
	static final int SPREAD_AFTER = 5;

	/** The windows of each office, by procedure. */
	private final Map<String, Map<String, Window>> windows = new ConcurrentHashMap<>();

	public void observe(String office, String procedure, Duration serviceTime) {
		this.windows.computeIfAbsent(office, (key) -> new ConcurrentHashMap<>())
			.computeIfAbsent(procedure, (key) -> new Window())
			.add(serviceTime.toMillis() / 60000.0);
	}

	/**
	 * A procedure's expected service time: its recent services, blended with its
	 * configured minutes while few have been seen.
	 */
	public double procedureMinutes(String office, String procedure, double configuredMinutes) {
		Window window = this.windows.getOrDefault(office, Map.of()).get(procedure);
		return (window != null) ? window.blendedMean(configuredMinutes) : configuredMinutes;
	}

	/**
	 * The spread of service times (standard deviation ÷ mean), pooled over the procedures
	 * of an office seen at least {@value #SPREAD_AFTER} times; the default spread before.
	 */
	public double serviceCv(String office, double defaultCv) {
		double squares = 0;
		int count = 0;
		for (Window window : this.windows.getOrDefault(office, Map.of()).values()) {
			double[] spread = window.relativeSquares();
			if (spread[1] >= SPREAD_AFTER) {
				squares += spread[0];
				count += (int) spread[1];
			}
		}
		return (count > 0) ? Math.sqrt(squares / count) : defaultCv;
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

		synchronized double blendedMean(double prior) {
			return (this.sum + PRIOR_WEIGHT * prior) / (this.minutes.size() + PRIOR_WEIGHT);
		}

	}

}
