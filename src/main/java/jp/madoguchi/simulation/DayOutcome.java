package jp.madoguchi.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.madoguchi.estimate.predict.Prediction;
import jp.madoguchi.simulation.DaySimulator.Holder;

/**
 * What one simulated day gave: every estimate scored against the wait that followed, and
 * what the "come now" notices achieved.
 */
public final class DayOutcome {

	final List<String> predictors;

	/**
	 * Per predictor: absolute errors and signed errors, at issue and over all updates.
	 */
	final Score[] scores;

	final long[] cpuNanos;

	final long[] estimates;

	/** (estimate, actual, low, high) of each predictor, for calibration. */
	final List<List<double[]>> pairs = new ArrayList<>();

	final Map<String, double[]> idleSince = new HashMap<>();

	private final Map<Holder, List<Observation>> pending = new HashMap<>();

	int turnedAway;

	double walkInMinutesWaited;

	int walkInsWhoGaveUp;

	int webTickets;

	int webTicketsCheckedIn;

	int unscored;

	double idleForAbsentWeb;

	double openCounterMinutes;

	/**
	 * Web holders whose turn came: [present when called (1/0), turn later than travel
	 * (1/0), a no-show (1/0)].
	 */
	final List<int[]> webTurns = new ArrayList<>();

	final List<Double> webInOfficeWaits = new ArrayList<>();

	final List<Double> walkInWaits = new ArrayList<>();

	/**
	 * Web holders who came: minutes after their travel time that they arrived (what an
	 * office learns from its notices and check-ins).
	 */
	final List<Double> lateness = new ArrayList<>();

	/**
	 * Counter minutes per procedure, from the call to done (what an office learns from
	 * its history: the counter is taken from the moment it calls).
	 */
	final Map<String, List<Double>> served = new HashMap<>();

	DayOutcome(List<String> predictors) {
		this.predictors = predictors;
		this.scores = new Score[predictors.size()];
		for (int i = 0; i < this.scores.length; i++) {
			this.scores[i] = new Score();
			this.pairs.add(new ArrayList<>());
		}
		this.cpuNanos = new long[predictors.size()];
		this.estimates = new long[predictors.size()];
	}

	void observe(Holder holder, double at, boolean atIssue, Prediction[] predictions) {
		this.pending.computeIfAbsent(holder, (h) -> new ArrayList<>()).add(new Observation(at, atIssue, predictions));
	}

	/** The engine called the ticket, or passed it over: its estimates are scored. */
	void called(Holder holder, double at) {
		List<Observation> observations = this.pending.remove(holder);
		if (observations != null) {
			for (Observation observation : observations) {
				double actual = at - observation.at;
				for (int i = 0; i < this.scores.length; i++) {
					Prediction prediction = observation.predictions[i];
					this.scores[i].add(prediction, actual, observation.atIssue);
					this.pairs.get(i)
						.add(new double[] { prediction.minutes(), actual, prediction.low(), prediction.high() });
				}
			}
		}
		if (holder.person.web()) {
			boolean present = !holder.passedOver;
			boolean later = (at - holder.issuedAt) > holder.person.travelMinutes();
			this.webTurns.add(new int[] { present ? 1 : 0, later ? 1 : 0, holder.person.noShow() ? 1 : 0 });
			if (present && !Double.isNaN(holder.presentAt)) {
				this.webInOfficeWaits.add(at - holder.presentAt);
			}
		}
		else {
			this.walkInWaits.add(at - holder.issuedAt);
		}
		if (!holder.passedOver) {
			this.served.computeIfAbsent(holder.person.procedure().id(), (p) -> new ArrayList<>())
				.add(DaySimulator.CALL_TO_START + holder.person.serviceMinutes());
		}
	}

	/** Tickets estimated but never called: they gave up, or the day ended. */
	void finish() {
		this.unscored += this.pending.size();
		this.pending.clear();
	}

	/** The errors of one predictor. */
	static final class Score {

		double absAll;

		double signedAll;

		long all;

		double absIssue;

		long issue;

		long underBy10;

		long ranged;

		long covered;

		void add(Prediction prediction, double actual, boolean atIssue) {
			double error = prediction.minutes() - actual;
			this.absAll += Math.abs(error);
			this.signedAll += error;
			this.all++;
			if (atIssue) {
				this.absIssue += Math.abs(error);
				this.issue++;
			}
			if (actual - prediction.minutes() > 10) {
				this.underBy10++;
			}
			if (prediction.hasRange()) {
				this.ranged++;
				if (actual >= prediction.low() && actual <= prediction.high()) {
					this.covered++;
				}
			}
		}

		void addAll(Score other) {
			this.absAll += other.absAll;
			this.signedAll += other.signedAll;
			this.all += other.all;
			this.absIssue += other.absIssue;
			this.issue += other.issue;
			this.underBy10 += other.underBy10;
			this.ranged += other.ranged;
			this.covered += other.covered;
		}

	}

	private record Observation(double at, boolean atIssue, Prediction[] predictions) {
	}

}
