package jp.madoguchi.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import jp.madoguchi.estimate.predict.MadoguchiPredictor.Calibration;
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

	/** Samples for a short line; a long one gets fewer, down to {@link #MIN_SAMPLES}. */
	private static final int SAMPLES = 400;

	private static final int MIN_SAMPLES = 60;

	/** A bound on samples × places, so that a long line stays quick. */
	private static final int BUDGET = 800_000;

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
	 * The median, 10th and 90th percentile of the wait of every place of the line, over
	 * samples of the future: element {@code k} for a holder with the first {@code k}
	 * entries of {@code aheadMeans} before them.
	 * @param aheadMeans for each ticket ahead that may be served (no-shows left out): its
	 * true mean service minutes, for a walk-in the mean of their remaining patience (0
	 * for a web holder, who does not give up), and for a web holder on the way the
	 * minutes until they arrive (NaN otherwise)
	 * @param counterFree for each counter serving the queue: whether it is busy (1 or 0)
	 * and its share of this queue
	 * @param closedSpans for each counter, its closed spans (from now)
	 * @param inServiceMeansElapsed for each counter, the true mean service minutes of the
	 * ticket it serves and how long it has been at it
	 */
	Prediction[] predictEach(List<double[]> aheadMeans, List<double[]> counterFree, List<double[][]> closedSpans,
			List<double[]> inServiceMeansElapsed) {
		int places = aheadMeans.size() + 1;
		int samples = Math.max(MIN_SAMPLES, Math.min(SAMPLES, BUDGET / places));
		double[][] waits = new double[places][samples];
		for (int k = 0; k < samples; k++) {
			sample(aheadMeans, counterFree, closedSpans, inServiceMeansElapsed, waits, k);
		}
		Prediction[] predictions = new Prediction[places];
		for (int place = 0; place < places; place++) {
			double[] sorted = waits[place];
			Arrays.sort(sorted);
			predictions[place] = new Prediction(Calibration.quantile(sorted, 0.5), Calibration.quantile(sorted, 0.1),
					Calibration.quantile(sorted, 0.9));
		}
		return predictions;
	}

	private void sample(List<double[]> aheadMeans, List<double[]> counterFree, List<double[][]> closedSpans,
			List<double[]> inService, double[][] waits, int sample) {
		int counters = counterFree.size();
		if (counters == 0) {
			return;
		}
		double[] free = new double[counters];
		for (int c = 0; c < counters; c++) {
			free[c] = counterFree.get(c)[0];
			if (free[c] > 0 && c < inService.size()) {
				double[] busy = inService.get(c);
				free[c] = residual(busy[0], busy[1]);
			}
		}
		List<double[]> late = new ArrayList<>();
		int place = 0;
		for (double[] ahead : aheadMeans) {
			int c = servingLateComers(late, free, closedSpans, counterFree);
			double start = open(free[c], closedSpans.get(c));
			waits[place++][sample] = start;
			if (ahead[1] > 0 && -Math.log(1 - this.random.nextDouble()) * ahead[1] < start) {
				// a walk-in who gives up before their turn (patience is memoryless)
				continue;
			}
			if (ahead.length > 2 && ahead[2] > start) {
				// on the way, too late for their turn: passed over, at the front when
				// they come
				late.add(ahead);
				continue;
			}
			serve(free, c, start, ahead[0], counterFree);
		}
		int c = servingLateComers(late, free, closedSpans, counterFree);
		waits[place][sample] = open(free[c], closedSpans.get(c));
	}

	/** Holders passed over who have come go first; answers the counter free next. */
	private int servingLateComers(List<double[]> late, double[] free, List<double[][]> closedSpans,
			List<double[]> counterFree) {
		while (true) {
			int c = earliest(free, closedSpans);
			double at = open(free[c], closedSpans.get(c));
			double[] first = null;
			for (double[] comer : late) {
				if (comer[2] <= at && (first == null || comer[2] < first[2])) {
					first = comer;
				}
			}
			if (first == null) {
				return c;
			}
			late.remove(first);
			serve(free, c, at, first[0], counterFree);
		}
	}

	private void serve(double[] free, int c, double start, double mean, List<double[]> counterFree) {
		double service = DaySimulator.CALL_TO_START + DayPlan.logNormal(this.random, mean, DayPlan.SERVICE_CV);
		// a counter shared with another queue serves it in between, in proportion
		free[c] = start + service / counterFree.get(c)[1];
	}

	private double residual(double mean, double elapsed) {
		for (int tries = 0; tries < 20; tries++) {
			double total = DaySimulator.CALL_TO_START + DayPlan.logNormal(this.random, mean, DayPlan.SERVICE_CV);
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
