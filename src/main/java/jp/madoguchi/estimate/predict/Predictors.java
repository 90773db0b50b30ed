package jp.madoguchi.estimate.predict;

import java.util.List;

/**
 * The literature's estimators, each given the office's best inputs (learned service
 * times, counters scheduled): the baselines Madoguchi's own estimator is measured
 * against.
 *
 * <ul>
 * <li>two minutes per person ahead — the rule of thumb of many offices;</li>
 * <li>the rolling average of the last hour's waits;</li>
 * <li>LES: the wait of the last ticket to enter service;</li>
 * <li>HOL: the time the head of the line has waited so far (Ibrahim &amp; Whitt, MSOM
 * 2009);</li>
 * <li>QL: (n+1)/(s·μ), with the counters open now (the same paper);</li>
 * <li>QL over the scheduled counters: the same work drained by the counters the schedule
 * will open and close (lunch dips);</li>
 * <li>fluid: the expected work ahead — present holders, web holders weighted by their
 * chance to come, the rest of the services under way — drained by the scheduled counters
 * (after Ibrahim &amp; Whitt, Operations Research 2011).</li>
 * </ul>
 */
public final class Predictors {

	private Predictors() {
	}

	public static List<Predictor> baselines() {
		return List.of(named("2 min per person", (s) -> Prediction.of(2.0 * s.ahead().size())),
				named("rolling average", Predictors::rollingAverage), named("LES", Predictors::lastToEnterService),
				named("HOL", Predictors::headOfLine), named("QL", Predictors::queueLength),
				named("QL scheduled", Predictors::queueLengthScheduled), named("fluid", Predictors::fluid));
	}

	static Prediction rollingAverage(Situation s) {
		if (s.recentWaits().isEmpty()) {
			return queueLength(s);
		}
		return Prediction.of(s.recentWaits().stream().mapToDouble(Double::doubleValue).average().orElse(0));
	}

	static Prediction lastToEnterService(Situation s) {
		return Double.isNaN(s.lastEnteredServiceWait()) ? queueLength(s) : Prediction.of(s.lastEnteredServiceWait());
	}

	static Prediction headOfLine(Situation s) {
		return Double.isNaN(s.headOfLineWait()) ? queueLength(s) : Prediction.of(s.headOfLineWait());
	}

	/** (n+1)/(s·μ) when every counter is busy; nothing when a counter is free for us. */
	static Prediction queueLength(Situation s) {
		double counters = Math.max(s.countersNow(), 0.5);
		double free = counters - s.inService().size();
		int n = s.ahead().size();
		if (n < free) {
			return Prediction.of(0);
		}
		return Prediction.of((n + 1 - Math.max(free, 0)) * s.meanServiceMinutes() / counters);
	}

	/** The same number of services, drained by the counters the schedule will have. */
	static Prediction queueLengthScheduled(Situation s) {
		double free = s.countersNow() - s.inService().size();
		double work = (s.ahead().size() + 1 - Math.max(free, 0)) * s.meanServiceMinutes();
		return Prediction.of((s.ahead().size() < free) ? 0 : drain(work, s.counters()));
	}

	/** The expected work ahead, drained by the scheduled counters. */
	static Prediction fluid(Situation s) {
		double work = s.expectedWorkAhead();
		double free = s.countersNow() - s.inService().size();
		if (s.ahead().size() < free) {
			return Prediction.of(0);
		}
		// we are called when the work before us is done on all counters but one
		return Prediction.of(drain(work, s.counters()) * Math.max(0, 1 - 0.5 / Math.max(s.countersNow(), 1)));
	}

	/**
	 * What is left, on average, of a service that has run this long, for service times
	 * log-normal around their mean with this spread (standard deviation ÷ mean): E[S − e
	 * | S > e].
	 */
	public static double residual(double mean, double elapsed, double cv) {
		if (elapsed <= 0) {
			return mean;
		}
		double sigma2 = Math.log(1 + cv * cv);
		double sigma = Math.sqrt(sigma2);
		double x = Math.log(elapsed / mean);
		double beyond = upperTail((x + sigma2 / 2) / sigma);
		if (beyond < 1e-9) {
			// far into the tail: a log-normal's residual grows with its age
			return elapsed * sigma2;
		}
		double meanBeyond = upperTail((x - sigma2 / 2) / sigma);
		return Math.max(0, mean * meanBeyond / beyond - elapsed);
	}

	/**
	 * P(Z > z) for a standard normal Z (Abramowitz and Stegun 7.1.26, error < 1.5e-7).
	 */
	public static double upperTail(double z) {
		double t = 1 / (1 + 0.3275911 * Math.abs(z) / Math.sqrt(2));
		double erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
				* Math.exp(-z * z / 2);
		return (z >= 0) ? erfc / 2 : 1 - erfc / 2;
	}

	/**
	 * The minutes until the counters, open as scheduled minute by minute, have done this
	 * much work (beyond the horizon, at the last minute's rate).
	 */
	static double drain(double work, double[] counters) {
		return new Drain(counters).minutesUntil(work);
	}

	/**
	 * {@link #drain} for growing amounts of work, each answered from where the last one
	 * stopped.
	 */
	static final class Drain {

		private final double[] counters;

		private int minute;

		private double done;

		Drain(double[] counters) {
			this.counters = counters;
		}

		/** The minutes until this much work is done; never less work than last time. */
		double minutesUntil(double work) {
			while (this.minute < this.counters.length) {
				double rate = this.counters[this.minute];
				if (this.done + rate >= work) {
					return this.minute + ((rate > 0) ? (work - this.done) / rate : 0);
				}
				this.done += rate;
				this.minute++;
			}
			double last = (this.counters.length > 0) ? Math.max(this.counters[this.counters.length - 1], 0.5) : 0.5;
			return this.counters.length + (work - this.done) / last;
		}

	}

	private static Predictor named(String name, java.util.function.Function<Situation, Prediction> predict) {
		return new Predictor() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public Prediction predict(Situation situation) {
				return predict.apply(situation);
			}

		};
	}

}
