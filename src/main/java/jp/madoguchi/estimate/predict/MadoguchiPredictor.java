package jp.madoguchi.estimate.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Madoguchi's own estimate. The line is played forward many times from what the office
 * knows ({@link LineSimulation}): each ticket with its procedure's learned counter time
 * and the spread of those times, web holders not here by their chance to come (once told
 * to come, expected after their travel time, passed over if later than their turn and
 * back at the front when they come), people in the office by their patience, the services
 * under way by what is likely left of them, and each counter open as scheduled (lunch
 * rotation, a counter closing). The median of the sampled waits is the central figure,
 * their 10th to 90th percentile its spread. A calibration learned from simulated days
 * turns the central figure into the median of the actual wait, and the spread into its
 * 10th and 90th percentiles.
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
		Figure figure = figure(s);
		return this.calibration.apply(figure.central(), figure.spread());
	}

	/** The uncalibrated figure of the newcomer at the end of the line. */
	public static Figure figure(Situation s) {
		return figures(s)[s.ahead().size()];
	}

	/**
	 * The largest estimate a central figure up to this one can give: a bound on the
	 * estimate from a bound on the central figure, without simulating the line.
	 */
	public double largestEstimateUpTo(double central) {
		return this.calibration.largestEstimateUpTo(central);
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
	@Override
	public Prediction[] predictEach(Situation s) {
		return predictFirst(s, s.ahead().size() + 1);
	}

	/** The first places of {@link #predictEach}, without playing the rest of the line. */
	@Override
	public Prediction[] predictFirst(Situation s, int places) {
		Figure[] figures = figures(s, places);
		Prediction[] predictions = new Prediction[figures.length];
		int free = freeCounters(s);
		for (int k = 0; k < figures.length; k++) {
			predictions[k] = (k < free) ? NO_WAIT : this.calibration.apply(figures[k].central(), figures[k].spread());
		}
		return predictions;
	}

	/**
	 * The figures for every place of the line, from one simulation of it: the median
	 * wait, and the spread between the 10th and 90th percentiles in standard deviations
	 * of a normal (plus a minute: nobody is called to the second).
	 */
	public static Figure[] figures(Situation s) {
		return figures(s, s.ahead().size() + 1);
	}

	private static Figure[] figures(Situation s, int places) {
		double[][] waits = LineSimulation.waits(s, places);
		Figure[] figures = new Figure[waits.length];
		for (int k = 0; k < waits.length; k++) {
			double[] sorted = waits[k];
			double median = Calibration.quantile(sorted, 0.5);
			double spread = (Calibration.quantile(sorted, 0.9) - Calibration.quantile(sorted, 0.1)) / 2.563;
			figures[k] = new Figure(median, spread + 1);
		}
		return figures;
	}

	/**
	 * The central figure of a wait and its spread (about one standard deviation), in
	 * minutes, before calibration.
	 */
	public record Figure(double central, double spread) {
	}

	/**
	 * What the central figure and its spread mean, learned from simulated days on seeds
	 * of their own, in buckets of the central figure: the median ratio of the actual wait
	 * to the central figure (both plus a minute), which gives the estimate, and the 10th
	 * and 90th percentiles of how far the actual wait falls from that estimate, in
	 * spreads, which give the range.
	 */
	public record Calibration(double[] upperBounds, double[] medianRatio, double[] low, double[] high) {

		/** No learning yet: the central figure, with the range of a normal spread. */
		public static Calibration none() {
			return new Calibration(new double[] { Double.MAX_VALUE }, new double[] { 1 }, new double[] { -1.28 },
					new double[] { 1.28 });
		}

		/** Learns from rows of (central figure, spread, actual wait), in minutes. */
		public static Calibration fit(List<double[]> rows) {
			double[] bounds = { 2, 5, 10, 20, 40, 80, 160, Double.MAX_VALUE };
			Calibration none = none();
			double[] ratio = new double[bounds.length];
			double[] low = new double[bounds.length];
			double[] high = new double[bounds.length];
			for (int b = 0; b < bounds.length; b++) {
				double lower = (b == 0) ? -1 : bounds[b - 1];
				double upper = bounds[b];
				List<double[]> bucket = rows.stream().filter((r) -> r[0] > lower && r[0] <= upper).toList();
				if (bucket.size() < 30) {
					ratio[b] = none.medianRatio[0];
					low[b] = none.low[0];
					high[b] = none.high[0];
					continue;
				}
				ratio[b] = quantile(bucket.stream().mapToDouble((r) -> (r[2] + 1) / (r[0] + 1)).sorted().toArray(),
						0.5);
				double r50 = ratio[b];
				double[] deviations = bucket.stream()
					.mapToDouble((r) -> (r[2] - ((r[0] + 1) * r50 - 1)) / r[1])
					.sorted()
					.toArray();
				low[b] = quantile(deviations, 0.10);
				high[b] = quantile(deviations, 0.90);
			}
			return new Calibration(bounds, ratio, low, high);
		}

		Prediction apply(double central, double spread) {
			int b = 0;
			while (b < this.upperBounds.length - 1 && central > this.upperBounds[b]) {
				b++;
			}
			double estimate = Math.max(0, (central + 1) * this.medianRatio[b] - 1);
			return new Prediction(estimate, Math.max(0, Math.min(estimate, estimate + this.low[b] * spread)),
					Math.max(estimate, estimate + this.high[b] * spread));
		}

		/**
		 * The largest estimate of any central figure up to this one. Not simply the
		 * estimate of this one: each bucket has its own ratio, so a figure just below a
		 * bucket's bound may give more than one just above it.
		 */
		double largestEstimateUpTo(double central) {
			double largest = 0;
			double lower = -1;
			for (int b = 0; b < this.upperBounds.length && central > lower; b++) {
				largest = Math.max(largest, (Math.min(central, this.upperBounds[b]) + 1) * this.medianRatio[b] - 1);
				lower = this.upperBounds[b];
			}
			return largest;
		}

		/** The q-quantile of sorted values, interpolated between neighbours. */
		public static double quantile(double[] sorted, double q) {
			double position = q * (sorted.length - 1);
			int below = (int) Math.floor(position);
			int above = Math.min(below + 1, sorted.length - 1);
			return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
		}

		/**
		 * As text, one bucket a line: the upper bound of the central figure ("max" for
		 * the last), the median ratio, then the 10th and 90th percentile deviations in
		 * spreads.
		 */
		public String format() {
			StringBuilder text = new StringBuilder("# central figure up to (minutes), median of (actual + 1) ÷ (central"
					+ " + 1), then (actual − estimate) ÷ spread at the 10th and 90th percentile\n");
			for (int b = 0; b < this.upperBounds.length; b++) {
				String bound = (this.upperBounds[b] == Double.MAX_VALUE) ? "max"
						: String.format(Locale.ROOT, "%.0f", this.upperBounds[b]);
				text.append(String.format(Locale.ROOT, "%s %.4f %.4f %.4f%n", bound, this.medianRatio[b], this.low[b],
						this.high[b]));
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
			return "Calibration" + Arrays.toString(this.medianRatio);
		}

	}

}
