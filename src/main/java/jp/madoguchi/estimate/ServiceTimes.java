package jp.madoguchi.estimate;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** The most recent service times observed per queue (a rolling window). */
@Component
public class ServiceTimes {

	/** How many of the latest services of a queue make its mean. */
	public static final int WINDOW = 20;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	public void observe(String office, String queue, Duration serviceTime) {
		this.windows.computeIfAbsent(office + "/" + queue, (key) -> new Window()).add(serviceTime.toMillis() / 60000.0);
	}

	/** The mean of the recent service times of a queue, in minutes, if any were seen. */
	public OptionalDouble recentMeanMinutes(String office, String queue) {
		Window window = this.windows.get(office + "/" + queue);
		return (window != null) ? window.mean() : OptionalDouble.empty();
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

	}

}
