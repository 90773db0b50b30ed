package jp.madoguchi.estimate.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Madoguchi's own estimate. The work ahead is counted ticket by ticket — each with its
 * procedure's learned service time, web holders not yet here by their chance to come, the
 * services under way by what is likely left of them — and drained by the counters the
 * schedule will have open (lunch rotation, a counter closing). A calibration learned from
 * simulated days turns that central figure into the median of the actual waits and gives
 * the 10th and 90th percentiles: waits are right-skewed, and the range widens with the
 * work ahead.
 */
public final class MadoguchiPredictor implements Predictor {

	/** A counter is free for the holder: they are called at once. */
	private static final Prediction NO_WAIT = new Prediction(0, 0, 0);

	private final Calibration calibration;

	public MadoguchiPredictor(Calibration calibration) {
		this.calibration = calibration;
	}

	@Override
	public String name() {
		return "Madoguchi";
	}

	@Override
	public Prediction predict(Situation s) {
		if (s.ahead().size() < freeCounters(s)) {
			return NO_WAIT;
		}
		return this.calibration.apply(central(s));
	}

	/** The uncalibrated figure: the fluid drain of the expected work ahead. */
	public static double central(Situation s) {
		if (s.ahead().size() < freeCounters(s)) {
			return 0;
		}
		double work = s.expectedWorkAhead();
		// the holder is called when the last counter before them frees: on average half a
		// service of work sooner than the whole drain
		double shared = Math.max(s.countersNow(), 1);
		return Math.max(0, Predictors.drain(work, s.counters()) - 0.5 * s.meanServiceMinutes() / shared);
	}

	/**
	 * Whole counters idle now: a counter shared with another queue, or one serving a
	 * ticket of another queue, is not a free counter for this one.
	 */
	static int freeCounters(Situation s) {
		return Math.max(0, (int) Math.floor(s.countersNow() - s.inService().size() + 1e-9));
	}

	/**
	 * The prediction for every place in the situation's line at once: element {@code k}
	 * is what {@link #predict} answers for a holder with the first {@code k} tickets of
	 * {@code s.ahead()} before them, and the last element is for someone joining the end
	 * of the line now. One pass, so a line of thousands costs little more than one
	 * estimate.
	 */
	public Prediction[] predictEach(Situation s) {
		int n = s.ahead().size();
		Prediction[] predictions = new Prediction[n + 1];
		int free = freeCounters(s);
		double rate = Math.max(s.countersNow(), 0.5);
		double halfService = 0.5 * s.meanServiceMinutes() / Math.max(s.countersNow(), 1);
		double work = 0;
		for (double elapsed : s.inService()) {
			work += Predictors.residual(s.meanServiceMinutes(), elapsed);
		}
		Predictors.Drain drain = new Predictors.Drain(s.counters());
		for (int k = 0; k <= n; k++) {
			predictions[k] = (k < free) ? NO_WAIT
					: this.calibration.apply(Math.max(0, drain.minutesUntil(work) - halfService));
			if (k < n) {
				work += Situation.expectedWork(s.ahead().get(k), work, rate);
			}
		}
		return predictions;
	}

	/**
	 * Actual wait ÷ central figure, in buckets of the central figure: its 10th, 50th and
	 * 90th percentiles, learned from simulated days on seeds of their own.
	 */
	public record Calibration(double[] upperBounds, double[] q10, double[] q50, double[] q90) {

		/** No learning yet: the central figure as it is, with a ±50 % range. */
		public static Calibration none() {
			return new Calibration(new double[] { Double.MAX_VALUE }, new double[] { 0.5 }, new double[] { 1.0 },
					new double[] { 1.5 });
		}

		/** Learns from pairs of (central figure, actual wait), in minutes. */
		public static Calibration fit(List<double[]> pairs) {
			double[] bounds = { 2, 5, 10, 20, 40, 80, 160, Double.MAX_VALUE };
			double[] q10 = new double[bounds.length];
			double[] q50 = new double[bounds.length];
			double[] q90 = new double[bounds.length];
			for (int b = 0; b < bounds.length; b++) {
				double lower = (b == 0) ? -1 : bounds[b - 1];
				double upper = bounds[b];
				List<Double> ratios = new ArrayList<>();
				for (double[] pair : pairs) {
					if (pair[0] > lower && pair[0] <= upper) {
						ratios.add((pair[1] + 1) / (pair[0] + 1));
					}
				}
				if (ratios.size() < 30) {
					q10[b] = 0.5;
					q50[b] = 1.0;
					q90[b] = 1.6;
					continue;
				}
				double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
				q10[b] = quantile(sorted, 0.10);
				q50[b] = quantile(sorted, 0.50);
				q90[b] = quantile(sorted, 0.90);
			}
			return new Calibration(bounds, q10, q50, q90);
		}

		Prediction apply(double central) {
			int b = 0;
			while (b < this.upperBounds.length - 1 && central > this.upperBounds[b]) {
				b++;
			}
			double base = central + 1;
			return new Prediction(Math.max(0, base * this.q50[b] - 1), Math.max(0, base * this.q10[b] - 1),
					Math.max(0, base * this.q90[b] - 1));
		}

		static double quantile(double[] sorted, double q) {
			double position = q * (sorted.length - 1);
			int below = (int) Math.floor(position);
			int above = Math.min(below + 1, sorted.length - 1);
			return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
		}

		/**
		 * As text, one bucket a line: the upper bound of the central figure ("max" for
		 * the last), then the 10th, 50th and 90th percentile ratios.
		 */
		public String format() {
			StringBuilder text = new StringBuilder(
					"# central figure up to (minutes), then actual ÷ central at the 10th, 50th and 90th percentile\n");
			for (int b = 0; b < this.upperBounds.length; b++) {
				String bound = (this.upperBounds[b] == Double.MAX_VALUE) ? "max"
						: String.format(Locale.ROOT, "%.0f", this.upperBounds[b]);
				text.append(String.format(Locale.ROOT, "%s %.4f %.4f %.4f%n", bound, this.q10[b], this.q50[b],
						this.q90[b]));
			}
			return text.toString();
		}

		/** Reads what {@link #format} wrote. */
		public static Calibration parse(String text) {
			List<double[]> rows = new ArrayList<>();
			for (String line : text.lines().map(String::strip).toList()) {
				if (line.isEmpty() || line.startsWith("#")) {
					continue;
				}
				String[] fields = line.split("\\s+");
				if (fields.length != 4) {
					throw new IllegalArgumentException("A calibration line has 4 fields: " + line);
				}
				rows.add(new double[] { fields[0].equals("max") ? Double.MAX_VALUE : Double.parseDouble(fields[0]),
						Double.parseDouble(fields[1]), Double.parseDouble(fields[2]), Double.parseDouble(fields[3]) });
			}
			if (rows.isEmpty() || rows.get(rows.size() - 1)[0] != Double.MAX_VALUE) {
				throw new IllegalArgumentException("A calibration ends with a \"max\" line");
			}
			return new Calibration(rows.stream().mapToDouble((r) -> r[0]).toArray(),
					rows.stream().mapToDouble((r) -> r[1]).toArray(), rows.stream().mapToDouble((r) -> r[2]).toArray(),
					rows.stream().mapToDouble((r) -> r[3]).toArray());
		}

		@Override
		public String toString() {
			return "Calibration" + Arrays.toString(this.q50);
		}

	}

}
