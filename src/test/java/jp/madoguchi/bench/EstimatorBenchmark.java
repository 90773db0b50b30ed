package jp.madoguchi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jp.madoguchi.estimate.predict.MadoguchiPredictor;
import jp.madoguchi.estimate.predict.MadoguchiPredictor.Calibration;
import jp.madoguchi.estimate.predict.Prediction;
import jp.madoguchi.estimate.predict.Predictor;
import jp.madoguchi.estimate.predict.Predictors;
import jp.madoguchi.estimate.predict.Situation;
import jp.madoguchi.office.OfficeCatalog;
import jp.madoguchi.simulation.DaySimulator;
import jp.madoguchi.simulation.EstimatorReport;
import jp.madoguchi.simulation.MonteCarloReference;
import jp.madoguchi.simulation.Scenario;
import jp.madoguchi.simulation.SimulatedDays;
import jp.madoguchi.simulation.SimulationApp;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The estimator benchmark: simulated ward-office days on the real engine, every estimator
 * scored against the waits that followed, and the "come now" notices driven by
 * Madoguchi's estimate.
 *
 * <pre>
 * ./mvnw test -Dtest=EstimatorBenchmark -Dsim.days=200 -Dsim.seed=1 -Dsim.scenario=all \
 *     -Dsim.web=0.3 -Dsim.office=classpath:offices/konan.yaml [-Dsim.trainingDays=20 -Dsim.noticeMargin=3 -Dsim.noticeDriver=reference]
 * </pre>
 *
 * Calibration and the office's learned service times come from training days on seeds of
 * their own (from 1,000,000), never from the days scored. Results: the terminal, and
 * {@code target/estimates/results.md} with a chart per scenario.
 */
class EstimatorBenchmark {

	private static final long TRAINING_SEEDS = 1_000_000;

	/** How many of the days are run again without scoring, to time a day on its own. */
	private static final int SPEED_DAYS = 20;

	@Test
	void benchmark() throws IOException {
		int days = Integer.getInteger("sim.days", 200);
		long seed = Long.getLong("sim.seed", 1);
		double web = Double.parseDouble(System.getProperty("sim.web", "0.3"));
		int trainingDays = Integer.getInteger("sim.trainingDays", 20);
		String office = System.getProperty("sim.office", "classpath:offices/konan.yaml");
		String noticeMargin = System.getProperty("sim.noticeMargin");
		boolean noticesByReference = System.getProperty("sim.noticeDriver", "madoguchi").equalsIgnoreCase("reference");
		List<Scenario> scenarios = scenarios(System.getProperty("sim.scenario", "all"));
		try (ConfigurableApplicationContext app = SimulationApp.start(office)) {
			SimulatedDays simulated = SimulationApp.days(app, app.getBean(OfficeCatalog.class).all().iterator().next());
			if (noticeMargin != null) {
				simulated.setNoticeMargin(Double.parseDouble(noticeMargin));
			}
			EstimatorReport report = new EstimatorReport(web, days, seed, office, simulated.noticeMargin(),
					noticesByReference ? "the Monte-Carlo reference's" : "Madoguchi's");
			Map<Scenario, DaySimulator.Knowledge> knowledge = new EnumMap<>(Scenario.class);
			Map<Scenario, Calibration> calibrations = new EnumMap<>(Scenario.class);
			for (Scenario scenario : scenarios) {
				Scenario learnedAs = scenario.shock() ? Scenario.WEEKDAY : scenario;
				if (!knowledge.containsKey(learnedAs)) {
					DaySimulator.Knowledge learned = simulated.learn(learnedAs, TRAINING_SEEDS, trainingDays, web);
					knowledge.put(learnedAs, learned);
					calibrations.put(learnedAs, simulated.calibrate(learnedAs, TRAINING_SEEDS + trainingDays,
							trainingDays, web, learned, central()));
				}
				List<Predictor> predictors = new ArrayList<>(Predictors.baselines());
				MadoguchiPredictor madoguchi = new MadoguchiPredictor(calibrations.get(learnedAs));
				predictors.add(madoguchi);
				MonteCarloReference reference = new MonteCarloReference();
				predictors.add(reference);
				long started = System.nanoTime();
				report.add(scenario, simulated.score(scenario, seed, days, web, knowledge.get(learnedAs), predictors,
						noticesByReference ? reference : madoguchi, (done) -> progress(scenario, done, days)));
				double scoredSeconds = (System.nanoTime() - started) / 1e9 / days;
				// the same seeds again with no estimator scored: the engine, and
				// Madoguchi's estimate for the notices; of it, the engine's transactions
				int alone = Math.min(days, SPEED_DAYS);
				Timer transactions = app.getBean(MeterRegistry.class).get("madoguchi.writer.batch.duration").timer();
				double engineBefore = transactions.totalTime(TimeUnit.SECONDS);
				long countBefore = transactions.count();
				started = System.nanoTime();
				simulated.score(scenario, seed, alone, web, knowledge.get(learnedAs), List.of(), madoguchi, (done) -> {
				});
				double aloneSeconds = (System.nanoTime() - started) / 1e9 / alone;
				double engineSeconds = (transactions.totalTime(TimeUnit.SECONDS) - engineBefore) / alone;
				report.timed(scenario, scoredSeconds, aloneSeconds, engineSeconds,
						(double) (transactions.count() - countBefore) / alone);
				System.out.printf(" %.2f s per day scored, %.2f s alone (%.2f s in the engine's transactions)%n",
						scoredSeconds, aloneSeconds, engineSeconds);
			}
			String markdown = report.markdown();
			System.out.println(markdown);
			Path out = Path.of("target/estimates");
			Files.createDirectories(out);
			Files.writeString(out.resolve("results.md"), markdown);
			for (Map.Entry<String, String> chart : report.charts().entrySet()) {
				Files.writeString(out.resolve(chart.getKey()), chart.getValue());
			}
			// the weekday's is the one the live application ships
			// (src/main/resources/estimate/calibration.txt)
			for (Map.Entry<Scenario, Calibration> calibration : calibrations.entrySet()) {
				Files.writeString(out.resolve("calibration-" + calibration.getKey().name().toLowerCase() + ".txt"),
						calibration.getValue().format());
			}
		}
	}

	/**
	 * The uncalibrated Madoguchi figure and its spread, which its calibration is fitted
	 * on.
	 */
	private static Predictor central() {
		return new Predictor() {

			@Override
			public String name() {
				return "central";
			}

			@Override
			public Prediction predict(Situation situation) {
				return asPrediction(MadoguchiPredictor.figure(situation));
			}

			@Override
			public Prediction[] predictEach(Situation situation) {
				return Arrays.stream(MadoguchiPredictor.figures(situation))
					.map((figure) -> asPrediction(figure))
					.toArray(Prediction[]::new);
			}

			// the range carries the spread: one on either side
			private static Prediction asPrediction(MadoguchiPredictor.Figure figure) {
				return new Prediction(figure.central(), figure.central() - figure.spread(),
						figure.central() + figure.spread());
			}

		};
	}

	private static void progress(Scenario scenario, int done, int days) {
		int width = 40;
		int filled = done * width / days;
		System.out.print("\r" + String.format("%-16s", scenario) + " [" + "#".repeat(filled)
				+ " ".repeat(width - filled) + "] " + done + "/" + days);
		System.out.flush();
	}

	private static List<Scenario> scenarios(String option) {
		if (option.equalsIgnoreCase("all")) {
			return Arrays.asList(Scenario.values());
		}
		return Arrays.stream(option.split(",")).map((s) -> Scenario.valueOf(s.trim().toUpperCase())).toList();
	}

}
