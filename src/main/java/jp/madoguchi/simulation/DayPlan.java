package jp.madoguchi.simulation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeDefinition.Counter;
import jp.madoguchi.office.OfficeDefinition.OpeningHours;
import jp.madoguchi.office.OfficeDefinition.Procedure;
import jp.madoguchi.office.OfficeDefinition.Queue;

/**
 * Who comes on one simulated day and when, and when each counter is open. Drawn from
 * separate random streams (arrivals, service, travel, patience, counters), so that every
 * estimator sees the same days and changing one part of the model leaves the others'
 * draws alone.
 *
 * <p>
 * Arrivals are a non-homogeneous Poisson process: a rate per queue that keeps its
 * counters about 85 % busy on an ordinary weekday, shaped by the hour (high 9–11, a dip
 * at noon, a second rise after 13), multiplied by the kind of day, the season for the
 * moving procedures, and a day-level shock no estimator is told of. Some people already
 * wait at opening. Service times are log-normal around the procedure's minutes (right
 * skewed, coefficient of variation 0.6).
 */
public final class DayPlan {

	/** Arrivals by hour of the day, relative (index = hour). */
	static final double[] HOURLY = { 0, 0, 0, 0, 0, 0, 0, 0, 1.5, 1.7, 1.5, 1.1, 0.6, 1.3, 1.2, 1.0, 0.7, 0.3, 0, 0, 0,
			0, 0, 0 };

	static final double UTILISATION = 0.85;

	static final double SERVICE_CV = 0.6;

	static final double LUNCH_FROM = 11 * 60 + 30;

	static final double LUNCH_TO = 13 * 60 + 30;

	static final double AFTER_HOLIDAY = 1.4;

	final LocalDate day;

	final double open;

	final double close;

	final List<Person> people;

	final Map<String, List<double[]>> closedSpans;

	/**
	 * The closings no schedule announces (the shock): the office learns of one when it
	 * begins, and not when it will end.
	 */
	final Map<String, double[]> unannounced;

	/**
	 * The mean patience of walk-ins, in minutes (exponential, so also of what is left).
	 */
	final double patienceMean;

	private DayPlan(LocalDate day, double open, double close, List<Person> people,
			Map<String, List<double[]>> closedSpans, Map<String, double[]> unannounced, double patienceMean) {
		this.unannounced = unannounced;
		this.patienceMean = patienceMean;
		this.day = day;
		this.open = open;
		this.close = close;
		this.people = people;
		this.closedSpans = closedSpans;
	}

	/** Draws a day. */
	static DayPlan draw(Office office, LocalDate day, Scenario scenario, long seed, double webShare) {
		OpeningHours hours = office.hoursOn(day).orElseThrow(() -> new IllegalArgumentException(day + " is closed"));
		double open = minutes(hours.open());
		double close = minutes(hours.close());
		SplittableRandom arrivals = new SplittableRandom(seed * 1_000_003L + 1);
		SplittableRandom service = new SplittableRandom(seed * 1_000_003L + 2);
		SplittableRandom travel = new SplittableRandom(seed * 1_000_003L + 3);
		SplittableRandom patience = new SplittableRandom(seed * 1_000_003L + 4);
		SplittableRandom counters = new SplittableRandom(seed * 1_000_003L + 5);
		double dayShock = Math.exp(0.15 * gaussian(arrivals));
		double dayFactor = scenario.dayFactor() * afterHoliday(office, day);
		List<Person> people = new ArrayList<>();
		double webUntilDefault = office.webTicketsUntil(day).map(DayPlan::minutes).orElse(open);
		for (Queue queue : office.queues()) {
			if (!office.queueOpenOn(queue.id(), day)) {
				continue;
			}
			List<Procedure> procedures = office.proceduresOf(queue.id())
				.stream()
				.filter((p) -> office.handlesOn(p, day))
				.toList();
			if (procedures.isEmpty()) {
				continue;
			}
			double share = office.countersServing(queue.id())
				.stream()
				.mapToDouble((c) -> 1.0 / c.queues().size())
				.sum();
			double meanMinutes = procedures.stream().mapToInt(Procedure::minutes).average().orElse(10);
			double baseRate = UTILISATION * share / meanMinutes * dayFactor * dayShock;
			for (Procedure procedure : procedures) {
				double factor = isMoving(procedure) ? scenario.movingFactor() : 1.0;
				double rate = baseRate * factor / procedures.size();
				double maxRate = rate * 1.7;
				double t = open;
				// people already waiting at the door
				int early = poisson(arrivals, 0.4 * share / procedures.size() * factor * dayFactor);
				for (int i = 0; i < early; i++) {
					people.add(person(people.size(), open, procedure, office, day, scenario, webShare, webUntilDefault,
							arrivals, service, travel, patience));
				}
				while (true) {
					t += -Math.log(1 - arrivals.nextDouble()) / maxRate;
					if (t >= close - 15) {
						break;
					}
					double weight = HOURLY[(int) (t / 60)] * rate;
					if (arrivals.nextDouble() * maxRate < weight) {
						people.add(person(people.size(), t, procedure, office, day, scenario, webShare, webUntilDefault,
								arrivals, service, travel, patience));
					}
				}
			}
		}
		people.sort(Comparator.comparingDouble((p) -> p.takeAt));
		Map<String, List<double[]>> closed = new TreeMap<>();
		lunchRotation(office, open, close, closed);
		Map<String, double[]> unannounced = new TreeMap<>();
		if (scenario.shock()) {
			List<Counter> all = office.counters();
			Counter shocked = all.get(counters.nextInt(all.size()));
			double at = 10 * 60 + counters.nextDouble() * 4.5 * 60;
			double[] span = { at, at + 30 };
			closed.computeIfAbsent(shocked.id(), (k) -> new ArrayList<>()).add(span);
			unannounced.put(shocked.id(), span);
		}
		return new DayPlan(day, open, close, people, closed, unannounced, patienceMean(scenario));
	}

	/**
	 * The day after a holiday that fell on a weekday brings 1.4 times the people: what
	 * could not be done the day before.
	 */
	static double afterHoliday(Office office, LocalDate day) {
		LocalDate before = day.minusDays(1);
		boolean weekdayHoliday = before.getDayOfWeek().getValue() <= 5 && office.hoursOn(before).isEmpty();
		return weekdayHoliday ? AFTER_HOLIDAY : 1.0;
	}

	/**
	 * Each division's counters take their lunch hour in turn between 11:30 and 13:30, so
	 * that about one counter per division is away throughout.
	 */
	private static void lunchRotation(Office office, double open, double close, Map<String, List<double[]>> closed) {
		if (close <= LUNCH_TO) {
			return;
		}
		Map<String, List<Counter>> byDivision = new TreeMap<>();
		for (Counter counter : office.counters()) {
			String division = office.divisionOf(counter.queues().get(0)).id();
			byDivision.computeIfAbsent(division, (k) -> new ArrayList<>()).add(counter);
		}
		for (List<Counter> counters : byDivision.values()) {
			if (counters.size() < 2) {
				continue;
			}
			for (int i = 0; i < Math.min(2, counters.size()); i++) {
				double from = LUNCH_FROM + 60 * i;
				closed.computeIfAbsent(counters.get(i).id(), (k) -> new ArrayList<>())
					.add(new double[] { from, from + 60 });
			}
		}
	}

	private static Person person(int id, double at, Procedure procedure, Office office, LocalDate day,
			Scenario scenario, double webShare, double webUntilDefault, SplittableRandom arrivals,
			SplittableRandom service, SplittableRandom travel, SplittableRandom patience) {
		double webUntil = office.webTicketsUntil(procedure, day).map(DayPlan::minutes).orElse(webUntilDefault);
		boolean web = !Boolean.FALSE.equals(procedure.web()) && arrivals.nextDouble() < webShare;
		double lead = 20 + arrivals.nextDouble() * 70;
		double takeAt = web ? Math.max(at - lead, minutes(office.hoursOn(day).orElseThrow().open())) : at;
		if (web && takeAt > webUntil) {
			web = false;
			takeAt = at;
		}
		double serviceMinutes = logNormal(service, procedure.minutes(), SERVICE_CV);
		double travelMinutes = Math.min(90, Math.max(3, logNormal(travel, 20, 0.5)));
		double lateness = Math.max(-5, Math.min(20, 2 + 4 * gaussian(travel)));
		boolean noShow = web && travel.nextDouble() < scenario.noShow();
		double patienceMinutes = -Math.log(1 - patience.nextDouble()) * patienceMean(scenario);
		return new Person(id, web, procedure, takeAt, serviceMinutes, travelMinutes, lateness, noShow, patienceMinutes);
	}

	static double patienceMean(Scenario scenario) {
		return (scenario == Scenario.MOVING_SEASON) ? 300 : 180;
	}

	static boolean isMoving(Procedure procedure) {
		return switch (procedure.id()) {
			case "move-in", "move-out", "move-within", "health-insurance" -> true;
			default -> false;
		};
	}

	/** Whether a counter is open at a minute of the day (hours, lunch, a shock). */
	boolean isOpen(String counter, double minute) {
		if (minute < this.open) {
			return false;
		}
		for (double[] span : this.closedSpans.getOrDefault(counter, List.of())) {
			if (minute >= span[0] && minute < span[1]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether a counter is closed now without notice (the shock): the office sees it
	 * closed, and does not know when it reopens.
	 */
	boolean isClosedWithoutNotice(String counter, double now) {
		double[] shock = this.unannounced.get(counter);
		return shock != null && now >= shock[0] && now < shock[1];
	}

	/**
	 * Whether a counter is open at a minute as the office can plan it: its hours and
	 * lunch rotation, not the closings without notice.
	 */
	boolean isOpenAsPlanned(String counter, double minute) {
		double[] shock = this.unannounced.get(counter);
		if (minute < this.open) {
			return false;
		}
		for (double[] span : this.closedSpans.getOrDefault(counter, List.of())) {
			if (span != shock && minute >= span[0] && minute < span[1]) {
				return false;
			}
		}
		return true;
	}

	/** When a closed counter opens again. */
	double reopensAt(String counter, double minute) {
		for (double[] span : this.closedSpans.getOrDefault(counter, List.of())) {
			if (minute >= span[0] && minute < span[1]) {
				return span[1];
			}
		}
		return minute;
	}

	static double logNormal(SplittableRandom random, double mean, double cv) {
		double sigma2 = Math.log(1 + cv * cv);
		double mu = Math.log(mean) - sigma2 / 2;
		return Math.exp(mu + Math.sqrt(sigma2) * gaussian(random));
	}

	static double gaussian(SplittableRandom random) {
		double u = 1 - random.nextDouble();
		double v = random.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	static int poisson(SplittableRandom random, double mean) {
		double limit = Math.exp(-mean);
		double product = random.nextDouble();
		int count = 0;
		while (product > limit) {
			product *= random.nextDouble();
			count++;
		}
		return count;
	}

	static double minutes(LocalTime time) {
		return time.getHour() * 60 + time.getMinute();
	}

	/**
	 * One person of the day.
	 *
	 * @param takeAt when they take the ticket: at the kiosk on arrival, or on the phone
	 * @param serviceMinutes how long their service will take
	 * @param travelMinutes a web holder's way to the office
	 * @param lateness how much later than planned a web holder arrives (may be early)
	 * @param noShow a web holder who never comes
	 * @param patienceMinutes how long a walk-in waits before giving up
	 */
	record Person(int id, boolean web, Procedure procedure, double takeAt, double serviceMinutes, double travelMinutes,
			double lateness, boolean noShow, double patienceMinutes) {
	}

}
