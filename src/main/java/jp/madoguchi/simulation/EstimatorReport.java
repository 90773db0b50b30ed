package jp.madoguchi.simulation;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's results: per scenario and estimator the errors, per scenario what the
 * notices achieved; as Markdown tables and SVG charts.
 */
public final class EstimatorReport {

	private final double webShare;

	private final int days;

	private final long seed;

	private final String office;

	private final double noticeMargin;

	/** Whose estimate drives the notices, as the report says it: "Madoguchi's". */
	private final String noticeDriver;

	private final Map<Scenario, List<DayOutcome>> results = new LinkedHashMap<>();

	private final Map<Scenario, DayTimes> times = new LinkedHashMap<>();

	public EstimatorReport(double webShare, int days, long seed, String office, double noticeMargin,
			String noticeDriver) {
		this.noticeMargin = noticeMargin;
		this.noticeDriver = noticeDriver;
		this.webShare = webShare;
		this.days = days;
		this.seed = seed;
		this.office = office;
	}

	public void add(Scenario scenario, List<DayOutcome> outcomes) {
		this.results.put(scenario, outcomes);
	}

	/**
	 * Wall-clock seconds per day: the scored days (every estimator and the reference at
	 * every sweep), and days on the first of the same seeds with nothing scored (the
	 * engine, and Madoguchi's estimate for the notices); of the latter, the seconds the
	 * engine's transactions took and how many there were per day.
	 */
	public void timed(Scenario scenario, double scoredSeconds, double simulationSeconds, double engineSeconds,
			double transactions) {
		this.times.put(scenario, new DayTimes(scoredSeconds, simulationSeconds, engineSeconds, transactions));
	}

	public String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("# Wait estimators on simulated days\n\n");
		md.append(String.format(Locale.ROOT,
				"%d days per scenario from seed %d, web share %.0f %%, office %s; web holders leave when the low"
						+ " end of %s estimate is at most their travel time + %s min.%n%n",
				this.days, this.seed, this.webShare * 100, this.office, this.noticeDriver,
				new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(this.noticeMargin)));
		for (Map.Entry<Scenario, List<DayOutcome>> entry : this.results.entrySet()) {
			md.append("## ").append(entry.getKey()).append("\n\n");
			estimators(md, entry.getValue());
			notices(md, entry.getValue());
			speed(md, this.times.get(entry.getKey()));
		}
		return md.toString();
	}

	private static void estimators(StringBuilder md, List<DayOutcome> outcomes) {
		List<String> names = outcomes.get(0).predictors;
		md.append("| estimator | MAE at issue (min) | MAE all updates (min) | bias (min) | under by > 10 min |"
				+ " 80 % range covers | CPU per estimate |\n");
		md.append("|---|---|---|---|---|---|---|\n");
		long unscored = 0;
		long scored = 0;
		for (int i = 0; i < names.size(); i++) {
			DayOutcome.Score score = new DayOutcome.Score();
			long nanos = 0;
			long estimates = 0;
			for (DayOutcome outcome : outcomes) {
				score.addAll(outcome.scores[i]);
				nanos += outcome.cpuNanos[i];
				estimates += outcome.estimates[i];
			}
			scored = score.all;
			md.append(
					String.format(Locale.ROOT, "| %s | %.1f | %.1f | %+.1f | %.1f %% | %s | %.1f µs |%n", names.get(i),
							score.absIssue / Math.max(1, score.issue), score.absAll / Math.max(1, score.all),
							score.signedAll / Math.max(1, score.all), 100.0 * score.underBy10 / Math.max(1, score.all),
							(score.ranged > 0)
									? String.format(Locale.ROOT, "%.1f %%", 100.0 * score.covered / score.ranged) : "—",
							nanos / 1000.0 / Math.max(1, estimates)));
		}
		for (DayOutcome outcome : outcomes) {
			unscored += outcome.unscored;
		}
		md.append(String.format(Locale.ROOT,
				"%n%,d estimates scored against the first call (or pass-over) that followed; %,d tickets estimated but"
						+ " never called (gave up, or still waiting at the end of the day) are not scored.%n%n",
				scored, unscored));
	}

	private void notices(StringBuilder md, List<DayOutcome> outcomes) {
		long turns = 0;
		long present = 0;
		long laterTurns = 0;
		long laterPresent = 0;
		long comingLaterTurns = 0;
		long comingLaterPresent = 0;
		List<Double> web = new ArrayList<>();
		List<Double> walkIn = new ArrayList<>();
		double idleAbsent = 0;
		double open = 0;
		long turnedAway = 0;
		for (DayOutcome outcome : outcomes) {
			for (int[] turn : outcome.webTurns) {
				turns++;
				present += turn[0];
				if (turn[1] == 1) {
					laterTurns++;
					laterPresent += turn[0];
					if (turn[2] == 0) {
						comingLaterTurns++;
						comingLaterPresent += turn[0];
					}
				}
			}
			web.addAll(outcome.webInOfficeWaits);
			walkIn.addAll(outcome.walkInWaits);
			idleAbsent += outcome.idleForAbsentWeb;
			open += outcome.openCounterMinutes;
			turnedAway += outcome.turnedAway;
		}
		md.append("With ").append(this.noticeDriver).append(" estimate driving the \"come now\" notices:\n\n");
		md.append(String.format(Locale.ROOT,
				"- web holders present when their turn came: %.1f %% (%,d turns); of those whose turn came later than"
						+ " their travel time: %.1f %% (%,d); of those, leaving out the no-shows (who never come,"
						+ " whatever they are told): **%.1f %%** (%,d)%n",
				100.0 * present / Math.max(1, turns), turns, 100.0 * laterPresent / Math.max(1, laterTurns), laterTurns,
				100.0 * comingLaterPresent / Math.max(1, comingLaterTurns), comingLaterTurns));
		md.append(String.format(Locale.ROOT,
				"- wait in the office: web holders median **%.1f** min, 90th percentile %.1f min; walk-ins median %.1f"
						+ " min, 90th percentile %.1f min%n",
				percentile(web, 0.5), percentile(web, 0.9), percentile(walkIn, 0.5), percentile(walkIn, 0.9)));
		md.append(String.format(Locale.ROOT,
				"- counter time idle while only absent web holders waited: **%.2f %%** of open counter time%n",
				100.0 * idleAbsent / Math.max(1, open)));
		md.append(String.format(Locale.ROOT, "- tickets refused (web stopped, office closing): %,d%n%n", turnedAway));
	}

	private static void speed(StringBuilder md, DayTimes times) {
		if (times == null) {
			return;
		}
		md.append(String.format(Locale.ROOT,
				"Time per simulated day: %.2f s with every estimator and the reference scored; %.2f s with nothing"
						+ " scored (the engine, and Madoguchi's estimate for the notices), of which %.2f s in the"
						+ " engine's %,.0f transactions.%n%n",
				times.scored(), times.alone(), times.engine(), times.transactions()));
	}

	/** One bar chart per scenario: each estimator's MAE over all updates. */
	public Map<String, String> charts() {
		Map<String, String> charts = new LinkedHashMap<>();
		for (Map.Entry<Scenario, List<DayOutcome>> entry : this.results.entrySet()) {
			List<DayOutcome> outcomes = entry.getValue();
			List<String> names = outcomes.get(0).predictors;
			double[] mae = new double[names.size()];
			double max = 1;
			for (int i = 0; i < names.size(); i++) {
				DayOutcome.Score score = new DayOutcome.Score();
				for (DayOutcome outcome : outcomes) {
					score.addAll(outcome.scores[i]);
				}
				mae[i] = score.absAll / Math.max(1, score.all);
				max = Math.max(max, mae[i]);
			}
			int rowHeight = 28;
			int width = 720;
			StringBuilder svg = new StringBuilder();
			svg.append(String.format(Locale.ROOT,
					"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
							+ " font-size=\"14\"><title>MAE over all updates, %s</title>",
					width, rowHeight * names.size() + 40, entry.getKey()));
			svg.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"20\">MAE over all updates (min), %s</text>",
					entry.getKey()));
			for (int i = 0; i < names.size(); i++) {
				double barWidth = (width - 240) * mae[i] / max;
				int y = 32 + i * rowHeight;
				boolean ours = names.get(i).equals("Madoguchi");
				svg.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"%d\">%s</text>", y + 18, names.get(i)));
				svg.append(String.format(Locale.ROOT,
						"<rect x=\"170\" y=\"%d\" width=\"%.1f\" height=\"20\" fill=\"%s\"/>", y + 4, barWidth,
						ours ? "#0b4f8a" : "#9ca3af"));
				svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%.1f</text>", 176 + barWidth, y + 18,
						mae[i]));
			}
			svg.append("</svg>\n");
			charts.put("mae-" + entry.getKey().name().toLowerCase(Locale.ROOT) + ".svg", svg.toString());
		}
		return charts;
	}

	static double percentile(List<Double> values, double q) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
	}

	/** Seconds per simulated day, scored and alone; of the latter, the engine's. */
	private record DayTimes(double scored, double alone, double engine, double transactions) {
	}

}
