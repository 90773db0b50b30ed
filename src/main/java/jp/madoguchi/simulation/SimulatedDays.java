package jp.madoguchi.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import jp.madoguchi.board.Board;
import jp.madoguchi.estimate.HolderBehaviour;
import jp.madoguchi.estimate.predict.MadoguchiPredictor;
import jp.madoguchi.estimate.predict.MadoguchiPredictor.Calibration;
import jp.madoguchi.estimate.predict.Predictor;
import jp.madoguchi.estimate.predict.Situation;
import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeDefinition.Procedure;
import jp.madoguchi.ticketing.TicketQueries;
import jp.madoguchi.ticketing.TicketService;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs simulated days one after another on the engine: each on a business day of its kind
 * never used before (the engine's numbers and read model are per day), the office's
 * tickets cleared afterwards so that the database stays small. Also learns what an office
 * learns from its history — service times per procedure, how many web holders come — and
 * the calibration of Madoguchi's estimate, on seeds of their own.
 */
public final class SimulatedDays {

	private final Office office;

	private final TicketService service;

	private final TicketQueries queries;

	private final Board board;

	private final SimulatedClock clock;

	private final EventTap tap;

	private final JdbcClient jdbc;

	private double noticeMargin = DaySimulator.MARGIN;

	private LocalDate cursor = LocalDate.of(2031, 1, 1);

	public SimulatedDays(Office office, TicketService service, TicketQueries queries, Board board, SimulatedClock clock,
			EventTap tap, JdbcClient jdbc) {
		this.board = board;
		this.office = office;
		this.service = service;
		this.queries = queries;
		this.clock = clock;
		this.tap = tap;
		this.jdbc = jdbc;
	}

	/**
	 * The service times, web holders' coming and walk-ins' giving up an office would
	 * learn from days like these.
	 */
	public DaySimulator.Knowledge learn(Scenario scenario, long firstSeed, int days, double webShare) {
		DaySimulator.Knowledge configured = configured();
		Predictor driver = new MadoguchiPredictor(Calibration.none());
		Map<String, double[]> served = new HashMap<>();
		long checkedIn = 0;
		long webTickets = 0;
		double waited = 0;
		long gaveUp = 0;
		List<Double> lateness = new ArrayList<>();
		for (int d = 0; d < days; d++) {
			DayOutcome outcome = day(scenario, firstSeed + d, webShare, configured, List.of(driver), driver);
			for (Map.Entry<String, List<Double>> entry : outcome.served.entrySet()) {
				double[] sum = served.computeIfAbsent(entry.getKey(), (k) -> new double[3]);
				entry.getValue().forEach((minutes) -> {
					sum[0] += minutes;
					sum[1]++;
					sum[2] += minutes * minutes;
				});
			}
			checkedIn += outcome.webTicketsCheckedIn;
			webTickets += outcome.webTickets;
			waited += outcome.walkInMinutesWaited;
			gaveUp += outcome.walkInsWhoGaveUp;
			lateness.addAll(outcome.lateness);
		}
		Map<String, Double> minutes = new HashMap<>(configured.serviceMinutes());
		double[] spread = new double[2];
		served.forEach((procedure, sum) -> {
			if (sum[1] >= 20) {
				double mean = sum[0] / sum[1];
				minutes.put(procedure, mean);
				// the squared spread relative to the mean, pooled over the procedures
				spread[0] += sum[2] / (mean * mean) - sum[1];
				spread[1] += sum[1];
			}
		});
		double serviceCv = (spread[1] > 0) ? Math.sqrt(Math.max(0, spread[0] / spread[1]))
				: Situation.DEFAULT_SERVICE_CV;
		double lateMean = lateness.stream()
			.mapToDouble(Double::doubleValue)
			.average()
			.orElse(HolderBehaviour.PRIOR_LATE_MINUTES);
		double lateSpread = Math.sqrt(lateness.stream()
			.mapToDouble((late) -> (late - lateMean) * (late - lateMean))
			.average()
			.orElse(HolderBehaviour.PRIOR_LATE_SPREAD * HolderBehaviour.PRIOR_LATE_SPREAD));
		return new DaySimulator.Knowledge(minutes, (webTickets > 0) ? (double) checkedIn / webTickets : 0.85,
				(waited > 0) ? gaveUp / waited : 0, serviceCv, lateMean, lateSpread);
	}

	/**
	 * Fits Madoguchi's calibration on the central figure of days like these. The notices
	 * change who is in the office, so the second half of the days is run with the notices
	 * driven by the calibration fitted on the first.
	 */
	public Calibration calibrate(Scenario scenario, long firstSeed, int days, double webShare,
			DaySimulator.Knowledge knowledge, Predictor central) {
		List<double[]> rows = new ArrayList<>();
		Calibration calibration = Calibration.none();
		for (int d = 0; d < days; d++) {
			if (d == days / 2 && d > 0) {
				calibration = Calibration.fit(rows);
			}
			Predictor driver = new MadoguchiPredictor(calibration);
			for (double[] pair : day(scenario, firstSeed + d, webShare, knowledge, List.of(central), driver).pairs
				.get(0)) {
				// the central predictor gives its spread as a range of one on either side
				rows.add(new double[] { pair[0], (pair[3] - pair[2]) / 2, pair[1] });
			}
		}
		return Calibration.fit(rows);
	}

	/** Runs the scored days. */
	public List<DayOutcome> score(Scenario scenario, long firstSeed, int days, double webShare,
			DaySimulator.Knowledge knowledge, List<Predictor> predictors, Predictor noticeDriver,
			IntConsumer progress) {
		List<DayOutcome> outcomes = new ArrayList<>();
		for (int d = 0; d < days; d++) {
			outcomes.add(day(scenario, firstSeed + d, webShare, knowledge, predictors, noticeDriver));
			progress.accept(d + 1);
		}
		return outcomes;
	}

	/**
	 * The "come now" margin: a web holder leaves when the low end of the estimate is at
	 * most their travel time plus this many minutes.
	 */
	public void setNoticeMargin(double minutes) {
		this.noticeMargin = minutes;
	}

	public double noticeMargin() {
		return this.noticeMargin;
	}

	private DayOutcome day(Scenario scenario, long seed, double webShare, DaySimulator.Knowledge knowledge,
			List<Predictor> predictors, Predictor noticeDriver) {
		LocalDate day = nextDay(scenario);
		DayPlan plan = DayPlan.draw(this.office, day, scenario, seed, webShare);
		DayOutcome outcome = new DaySimulator(this.office, this.service, this.queries, this.board, this.clock, this.tap,
				knowledge, predictors, noticeDriver, this.noticeMargin)
			.run(plan);
		clear();
		return outcome;
	}

	private LocalDate nextDay(Scenario scenario) {
		do {
			this.cursor = this.cursor.plusDays(1);
		}
		while (!scenario.matches(this.office, this.cursor));
		return this.cursor;
	}

	/** The day's tickets and journal go; the journal's numbering goes on. */
	private void clear() {
		this.jdbc.sql("DELETE FROM ticket WHERE office_id = ?").param(this.office.id()).update();
		this.jdbc.sql("DELETE FROM office_event WHERE office_id = ?").param(this.office.id()).update();
		this.jdbc.sql("DELETE FROM queue_day_number WHERE office_id = ?").param(this.office.id()).update();
		this.tap.drain();
	}

	private DaySimulator.Knowledge configured() {
		Map<String, Double> minutes = new HashMap<>();
		for (Procedure procedure : this.office.definition()
			.divisions()
			.stream()
			.flatMap((d) -> d.procedures().stream())
			.toList()) {
			minutes.put(procedure.id(), (double) procedure.minutes());
		}
		return new DaySimulator.Knowledge(minutes, 0.85, 0, Situation.DEFAULT_SERVICE_CV,
				HolderBehaviour.PRIOR_LATE_MINUTES, HolderBehaviour.PRIOR_LATE_SPREAD);
	}

}
