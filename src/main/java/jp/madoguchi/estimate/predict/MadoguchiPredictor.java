package jp.madoguchi.estimate.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
		double central = central(s);
		return this.calibration.apply(central);
	}

	/** The uncalibrated figure: the fluid drain of the expected work ahead. */
	public static double central(Situation s) {
		double free = s.countersNow() - s.inService().size();
		if (s.ahead().size() < free) {
			return 0;
		}
		double work = s.expectedWorkAhead();
		// the holder is called when the last counter before them frees: on average half a
		// service of work sooner than the whole drain
		double shared = Math.max(s.countersNow(), 1);
		return Math.max(0, Predictors.drain(work, s.counters()) - 0.5 * s.meanServiceMinutes() / shared);
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

		@Override
		public String toString() {
			return "Calibration" + Arrays.toString(this.q50);
		}

	}

}
