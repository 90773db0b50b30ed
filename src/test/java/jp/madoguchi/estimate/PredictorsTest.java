package jp.madoguchi.estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jp.madoguchi.estimate.predict.MadoguchiPredictor;
import jp.madoguchi.estimate.predict.MadoguchiPredictor.Calibration;
import jp.madoguchi.estimate.predict.Prediction;
import jp.madoguchi.estimate.predict.Predictor;
import jp.madoguchi.estimate.predict.Predictors;
import jp.madoguchi.estimate.predict.Situation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/** The estimators on situations whose answer is known by hand. */
class PredictorsTest {

	@Test
	void theClassicalFormulasGiveTheTextbookFigures() {
		Situation ten = situation(10, 2, 12, 120);
		assertThat(predict("2 min per person", ten)).isEqualTo(20);
		// QL: (n+1)/(s·μ) with every counter busy: 11 × 12 / 2
		assertThat(predict("QL", ten)).isCloseTo(66, within(0.01));
		// HOL and LES fall back on QL without history, and use it when there is some
		assertThat(predict("HOL", ten)).isCloseTo(66, within(0.01));
		Situation withHistory = new Situation(600, ten.ahead(), ten.inService(), ten.counters(), 12,
				List.of(30.0, 40.0), 35, 28);
		assertThat(predict("LES", withHistory)).isEqualTo(35);
		assertThat(predict("HOL", withHistory)).isEqualTo(28);
		assertThat(predict("rolling average", withHistory)).isEqualTo(35);
	}

	@Test
	void theScheduledEstimatorsSeeTheLunchDip() {
		// two counters now, one of them away for the next hour
		double[] counters = new double[240];
		Arrays.fill(counters, 2);
		Arrays.fill(counters, 0, 60, 1);
		Situation lunch = new Situation(690, aheadOf(10, 12), justStarted(2, 12), counters, 12, List.of(), Double.NaN,
				Double.NaN);
		// 11 services of 12 minutes = 132 minutes of work: 60 done in the first hour, the
		// other 72 by two counters in 36 minutes
		assertThat(predict("QL scheduled", lunch)).isCloseTo(96, within(0.01));
		assertThat(predict("QL", lunch)).isGreaterThan(predict("QL scheduled", lunch));
	}

	@Test
	void nobodyWaitsWhenACounterIsFree() {
		Situation free = situation(0, 2, 12, 60);
		for (Predictor predictor : Predictors.baselines()) {
			if (!predictor.name().equals("2 min per person")) {
				assertThat(predictor.predict(free).minutes()).as(predictor.name()).isZero();
			}
		}
		assertThat(MadoguchiPredictor.figure(free).central()).isZero();
	}

	@Test
	void walkInsWhoMayGiveUpWeighLessTheLaterTheirTurn() {
		double[] oneCounter = new double[600];
		Arrays.fill(oneCounter, 1);
		List<Situation.Ahead> staying = new ArrayList<>();
		List<Situation.Ahead> impatient = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			staying.add(new Situation.Ahead(10, true, 0.85, 0));
			impatient.add(new Situation.Ahead(10, true, 0.85, 1.0 / 300));
		}
		double all = new Situation(600, staying, List.of(), oneCounter, 10, List.of(), Double.NaN, Double.NaN)
			.expectedWorkAhead();
		double some = new Situation(600, impatient, List.of(), oneCounter, 10, List.of(), Double.NaN, Double.NaN)
			.expectedWorkAhead();
		assertThat(all).isEqualTo(200);
		// the first in line is served at once, the last after about 2½ hours, by when
		// about two in five of them have given up: 300 · ln(1 + 200/300) ≈ 153
		assertThat(some).isBetween(140.0, 180.0);
	}

	@Test
	void theCalibrationLearnsTheMedianAndTheRangeInSpreads() {
		List<double[]> rows = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			// actual waits run from 1 spread under the central figure of 30 minutes to 3
			// over
			rows.add(new double[] { 30, 5, 30 + 5 * (-1 + 4 * i / 999.0) });
		}
		Calibration calibration = Calibration.fit(rows);
		Situation five = situation(5, 1, 6, 120);
		MadoguchiPredictor.Figure figure = MadoguchiPredictor.figure(five);
		assertThat(figure.central()).isBetween(20.0, 40.0);
		assertThat(figure.spread()).isGreaterThan(1);
		Prediction prediction = new MadoguchiPredictor(calibration).predict(five);
		// the median wait is 35 for a central 30: (35 + 1) ÷ (30 + 1); around it the
		// waits spread 2 spreads either way, so the 10th and 90th percentiles are 1.6 off
		double estimate = (figure.central() + 1) * 36 / 31 - 1;
		assertThat(prediction.minutes()).isCloseTo(estimate, within(0.05));
		assertThat(prediction.low()).isCloseTo(estimate - 1.6 * figure.spread(), within(0.05));
		assertThat(prediction.high()).isCloseTo(estimate + 1.6 * figure.spread(), within(0.05));
	}

	@Test
	void theLineIsPlayedForwardCounterByCounter() {
		// two counters, services of almost exactly ten minutes: called in pairs
		double[] two = new double[300];
		Arrays.fill(two, 2);
		MadoguchiPredictor.Figure[] pairs = MadoguchiPredictor
			.figures(new Situation(600, aheadOf(6, 10), List.of(), two, 10, List.of(), Double.NaN, Double.NaN, 0.01));
		for (int k = 0; k <= 6; k++) {
			assertThat(pairs[k].central()).as("place %d", k).isCloseTo(10.0 * (k / 2), within(0.5));
		}
		// one counter closing for lunch from minute 15 to 45: the second is served until
		// 20, the third waits for the counter to reopen
		double[] lunch = new double[300];
		Arrays.fill(lunch, 1);
		Arrays.fill(lunch, 15, 45, 0);
		MadoguchiPredictor.Figure[] closed = MadoguchiPredictor
			.figures(new Situation(600, aheadOf(3, 10), List.of(), lunch, 10, List.of(), Double.NaN, Double.NaN, 0.01));
		assertThat(closed[2].central()).isCloseTo(45, within(0.5));
		assertThat(closed[3].central()).isCloseTo(55, within(0.5));
	}

	@Test
	void aHolderOnTheWayWhoseTurnComesFirstIsPassedOverAndServedWhenTheyCome() {
		double[] one = new double[300];
		Arrays.fill(one, 1);
		// the first holder told to come arrives in 25 minutes, after three ten-minute
		// services have begun: passed over, at the front when they come, before the
		// newcomer
		assertThat(newcomerBehind(25, one)).isCloseTo(40, within(0.5));
		// arriving in 45 minutes, only after the newcomer's call
		assertThat(newcomerBehind(45, one)).isCloseTo(30, within(0.5));
	}

	private static double newcomerBehind(double firstArrivesIn, double[] counters) {
		List<Situation.Ahead> ahead = new ArrayList<>();
		ahead.add(new Situation.Ahead(10, false, 1.0, 0, firstArrivesIn, 0.01));
		ahead.addAll(aheadOf(3, 10));
		return MadoguchiPredictor
			.figure(new Situation(600, ahead, List.of(), counters, 10, List.of(), Double.NaN, Double.NaN, 0.01))
			.central();
	}

	@Test
	void theSpreadGrowsWithWhatIsUncertainAhead() {
		double[] counters = new double[300];
		Arrays.fill(counters, 2);
		List<Situation.Ahead> here = new ArrayList<>();
		List<Situation.Ahead> maybe = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			here.add(new Situation.Ahead(12, true, 0.8));
			maybe.add(new Situation.Ahead(15, false, 0.8));
		}
		// the same expected work (10 × 12 = 10 × 0.8 × 15), but not the same certainty
		MadoguchiPredictor.Figure certain = MadoguchiPredictor
			.figure(new Situation(600, here, justStarted(2, 12), counters, 12, List.of(), Double.NaN, Double.NaN));
		MadoguchiPredictor.Figure uncertain = MadoguchiPredictor
			.figure(new Situation(600, maybe, justStarted(2, 12), counters, 12, List.of(), Double.NaN, Double.NaN));
		assertThat(uncertain.central()).isCloseTo(certain.central(), withinPercentage(15));
		assertThat(uncertain.spread()).isGreaterThan(certain.spread());
	}

	private static double predict(String name, Situation situation) {
		return Predictors.baselines()
			.stream()
			.filter((p) -> p.name().equals(name))
			.findFirst()
			.orElseThrow()
			.predict(situation)
			.minutes();
	}

	@Test
	void whatIsLeftOfAServiceFollowsItsAge() {
		// nothing done yet: the whole mean is left
		assertThat(Predictors.residual(10, 0, 0.6)).isCloseTo(10, within(1e-9));
		// a little done: a little less left; long past the mean: right-skewed times
		// leave more than nothing
		assertThat(Predictors.residual(10, 3, 0.6)).isBetween(7.0, 10.0);
		assertThat(Predictors.residual(10, 20, 0.6)).isBetween(1.0, 20.0);
		// without spread, exactly the rest of the mean
		assertThat(Predictors.residual(10, 4, 0.01)).isCloseTo(6, within(0.1));
		// the normal tail the formula rests on
		assertThat(Predictors.upperTail(0)).isCloseTo(0.5, within(1e-6));
		assertThat(Predictors.upperTail(1.2816)).isCloseTo(0.1, within(1e-4));
		assertThat(Predictors.upperTail(-1.2816)).isCloseTo(0.9, within(1e-4));
	}

	@Test
	void theWholeLineAtOnceAgreesWithEachPlaceAlone() {
		java.util.Random random = new java.util.Random(7);
		double[] counters = new double[300];
		Arrays.fill(counters, 3);
		Arrays.fill(counters, 30, 90, 1.5);
		List<Situation.Ahead> line = new ArrayList<>();
		for (int i = 0; i < 80; i++) {
			if (i % 7 == 3) {
				// told to come, on the way: passed over if later than their turn
				line.add(new Situation.Ahead(3 + random.nextInt(25), false, 0.9, 0, random.nextInt(60), 3));
				continue;
			}
			line.add(new Situation.Ahead(3 + random.nextInt(25), random.nextBoolean(), 0.85,
					random.nextBoolean() ? 0.01 : 0));
		}
		Situation whole = new Situation(600, line,
				List.of(new Situation.InService(4, 12), new Situation.InService(11, 12)), counters, 12, List.of(),
				Double.NaN, Double.NaN);
		MadoguchiPredictor predictor = new MadoguchiPredictor(Calibration.fit(pairs()));
		Prediction[] each = predictor.predictEach(whole);
		assertThat(each).hasSize(81);
		for (int k = 0; k <= 80; k++) {
			Situation alone = new Situation(600, line.subList(0, k), whole.inService(), counters, 12, List.of(),
					Double.NaN, Double.NaN);
			Prediction one = predictor.predict(alone);
			assertThat(each[k].minutes()).as("place %d", k).isCloseTo(one.minutes(), within(1e-9));
			assertThat(each[k].low()).isCloseTo(one.low(), within(1e-9));
			assertThat(each[k].high()).isCloseTo(one.high(), within(1e-9));
		}
		// and the first places alone, without playing the rest of the line
		for (int places : new int[] { 1, 4, 17, 81 }) {
			assertThat(predictor.predictFirst(whole, places)).containsExactly(Arrays.copyOf(each, places));
		}
	}

	@Test
	void aCalibrationIsWrittenAndReadBack() {
		Calibration fitted = Calibration.fit(pairs());
		Calibration read = Calibration.parse(fitted.format());
		for (double central : new double[] { 0, 3, 7, 15, 30, 60, 120, 500 }) {
			Prediction a = new MadoguchiPredictor(fitted).predictEach(situation(0, 1, 1, 10))[0];
			assertThat(a.minutes()).isZero();
			assertThat(read.upperBounds()).hasSize(fitted.upperBounds().length);
			assertThat(read.medianRatio()[bucket(read, central)])
				.isCloseTo(fitted.medianRatio()[bucket(fitted, central)], within(1e-4));
		}
		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Calibration.parse("5 0.5 1.0 1.5")))
			.hasMessageContaining("max");
	}

	@Test
	void theLargestEstimateUpToAFigureTakesTheBucketsBelowIt() {
		// up to 2 minutes the actual wait is 1.7 times the figure (plus a minute each),
		// above it just the figure
		MadoguchiPredictor predictor = new MadoguchiPredictor(Calibration.parse("2 1.7 -1 1\n5 1 -1 1\nmax 1 -1 1"));
		assertThat(predictor.largestEstimateUpTo(1)).isCloseTo(2 * 1.7 - 1, within(1e-9));
		// a figure of 3 gives 3, but one of 2 below it gives 4.1
		assertThat(predictor.largestEstimateUpTo(3)).isCloseTo(3 * 1.7 - 1, within(1e-9));
		assertThat(predictor.largestEstimateUpTo(10)).isCloseTo(10, within(1e-9));
	}

	private static int bucket(Calibration calibration, double central) {
		int b = 0;
		while (b < calibration.upperBounds().length - 1 && central > calibration.upperBounds()[b]) {
			b++;
		}
		return b;
	}

	/** Actual waits around the central figure, skewed late, by a spread of a fifth. */
	private static List<double[]> pairs() {
		java.util.Random random = new java.util.Random(3);
		List<double[]> rows = new ArrayList<>();
		for (int i = 0; i < 5000; i++) {
			double central = random.nextDouble() * 200;
			double spread = central / 5 + 1;
			rows.add(new double[] { central, spread, central + spread * (random.nextDouble() * 3 - 1) });
		}
		return rows;
	}

	/** Services of this many minutes, just begun. */
	private static List<Situation.InService> justStarted(int count, double minutes) {
		return java.util.Collections.nCopies(count, new Situation.InService(0, minutes));
	}

	private static Situation situation(int ahead, int counters, double minutes, int horizon) {
		double[] open = new double[horizon];
		Arrays.fill(open, counters);
		List<Situation.InService> inService = justStarted(Math.min(counters, ahead), minutes);
		return new Situation(600, aheadOf(ahead, minutes), inService, open, minutes, List.of(), Double.NaN, Double.NaN);
	}

	private static List<Situation.Ahead> aheadOf(int count, double minutes) {
		List<Situation.Ahead> ahead = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ahead.add(new Situation.Ahead(minutes, true, 0.85));
		}
		return ahead;
	}

}
