package jp.madoguchi.simulation;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import jp.madoguchi.estimate.predict.Prediction;
import jp.madoguchi.estimate.predict.Predictor;
import jp.madoguchi.estimate.predict.Situation;

/**
 * The reference bound: it simulates forward from the simulator's true state and
 * parameters — who ahead really is in the office or on the way (no-shows known), the true
 * service-time distribution of each one's procedure, the counters' true schedule
 * including a shock — many times, and answers the median. No estimator that sees only
 * what the office sees can do better on average; it is what "within 1.15 × the reference"
 * is measured against. Not something the live application could run.
 */
public final class MonteCarloReference implements Predictor {

	static final String NAME = "Monte-Carlo reference";

	private static final int SAMPLES = 24;

	private final SplittableRandom random = new SplittableRandom(42);

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Prediction predict(Situation situation) {
		throw new UnsupportedOperationException("The reference needs the simulator's true state");
	}

	/**
	 * The median, 10th and 90th percentile of the wait, over samples of the future.
	 * @param aheadMeans for each ticket ahead that may be served (no-shows left out): its
	 * true mean service minutes, and for a walk-in the mean of their remaining patience
	 * (0 for a web holder, who does not give up)
	 * @param counterFree for each counter serving the queue: the minute (from now) it
	 * frees, its share of this queue, and its closed spans (from now)
	 */
	Prediction predict(List<double[]> aheadMeans, List<double[]> counterFree, List<double[][]> closedSpans,
			List<double[]> inServiceMeansElapsed) {
		double[] waits = new double[SAMPLES];
		for (int k = 0; k < SAMPLES; k++) {
			waits[k] = sample(aheadMeans, counterFree, closedSpans, inServiceMeansElapsed);
		}
		Arrays.sort(waits);
		return new Prediction(waits[SAMPLES / 2], waits[SAMPLES / 10], waits[SAMPLES * 9 / 10]);
	}

	private double sample(List<double[]> aheadMeans, List<double[]> counterFree, List<double[][]> closedSpans,
			List<double[]> inService) {
		int counters = counterFree.size();
		if (counters == 0) {
			return 0;
		}
		double[] free = new double[counters];
		for (int c = 0; c < counters; c++) {
			free[c] = counterFree.get(c)[0];
			if (free[c] > 0 && c < inService.size()) {
				double[] busy = inService.get(c);
				free[c] = residual(busy[0], busy[1]);
			}
		}
		for (double[] ahead : aheadMeans) {
			double mean = ahead[0];
			int c = earliest(free, closedSpans);
			double start = open(free[c], closedSpans.get(c));
			if (ahead[1] > 0 && -Math.log(1 - this.random.nextDouble()) * ahead[1] < start) {
				// a walk-in who gives up before their turn (patience is memoryless)
				continue;
			}
			double share = counterFree.get(c)[1];
			double service = DayPlan.logNormal(this.random, mean, DayPlan.SERVICE_CV);
			// a counter shared with another queue serves it in between, in proportion
			free[c] = start + service / share;
		}
		int c = earliest(free, closedSpans);
		return Math.max(0, open(free[c], closedSpans.get(c)));
	}

	private double residual(double mean, double elapsed) {
		for (int tries = 0; tries < 20; tries++) {
			double total = DayPlan.logNormal(this.random, mean, DayPlan.SERVICE_CV);
			if (total > elapsed) {
				return total - elapsed;
			}
		}
		return mean * 0.2;
	}

	private static int earliest(double[] free, List<double[][]> closed) {
		int best = 0;
		double bestAt = Double.MAX_VALUE;
		for (int c = 0; c < free.length; c++) {
			double at = open(free[c], closed.get(c));
			if (at < bestAt) {
				bestAt = at;
				best = c;
			}
		}
		return best;
	}

	/** The first minute at or after {@code at} when the counter is open. */
	private static double open(double at, double[][] closed) {
		double t = at;
		for (double[] span : closed) {
			if (t >= span[0] && t < span[1]) {
				t = span[1];
			}
		}
		return t;
	}

}
