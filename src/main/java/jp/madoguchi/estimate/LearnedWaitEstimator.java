package jp.madoguchi.estimate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jp.madoguchi.estimate.predict.MadoguchiPredictor;
import jp.madoguchi.estimate.predict.MadoguchiPredictor.Calibration;
import jp.madoguchi.estimate.predict.Prediction;
import jp.madoguchi.estimate.predict.Situation;
import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeDefinition.Counter;
import jp.madoguchi.office.OfficeDefinition.OpeningHours;
import jp.madoguchi.office.OfficeDefinition.Procedure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The live estimate: Madoguchi's predictor, the one the simulator measures, on what the
 * office knows now — each ticket's procedure with its counter time learned from the
 * office's history (its configured minutes while there is little) and the spread of those
 * times, web holders not yet here by the share that came lately (and, once told to come,
 * expected after their travel time, and less likely to come the longer they are overdue),
 * people in the office by their chance still to be waiting, the services under way, and
 * the counters open now. Its calibration (the median ratio of the actual wait to the
 * central figure, and the 10th and 90th percentiles of the rest in spreads) was fitted on
 * simulated weekdays and ships in {@code estimate/calibration.txt}.
 */
@Component
class LearnedWaitEstimator implements WaitEstimator {

	/** How far ahead the open counters are assumed to stay as they are, in minutes. */
	static final int HORIZON = 600;

	static final String CALIBRATION = "estimate/calibration.txt";

	private final ServiceTimes serviceTimes;

	private final HolderBehaviour behaviour;

	private final ObjectProvider<CounterAvailability> counters;

	private final ObjectProvider<TravelNotices> notices;

	private final Clock clock;

	private final MadoguchiPredictor predictor;

	LearnedWaitEstimator(ServiceTimes serviceTimes, HolderBehaviour behaviour,
			ObjectProvider<CounterAvailability> counters, ObjectProvider<TravelNotices> notices, Clock clock) {
		this.notices = notices;
		this.clock = clock;
		this.serviceTimes = serviceTimes;
		this.behaviour = behaviour;
		this.counters = counters;
		this.predictor = new MadoguchiPredictor(shippedCalibration());
	}

	static Calibration shippedCalibration() {
		try (InputStream in = new ClassPathResource(CALIBRATION).getInputStream()) {
			return Calibration.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The estimate's calibration " + CALIBRATION + " is missing", ex);
		}
	}

	@Override
	public LineEstimate estimate(Office office, Line line) {
		Situation situation = situation(office, line);
		List<WaitEstimate> places = new ArrayList<>();
		for (Prediction prediction : this.predictor.predictEach(situation)) {
			places.add(rounded(prediction));
		}
		double perExtraPlace = situation.meanServiceMinutes() / Math.max(situation.countersNow(), 1);
		return new LineEstimate(places, perExtraPlace);
	}

	/**
	 * A bound without the line. In the line played forward, a holder's turn comes no
	 * later than the open counters, side by side, get through the work before it: what is
	 * left of the services under way and the services of those ahead. Each of these is at
	 * most the queue's longest procedure on average, and what is left of a service under
	 * way at most that plus its age × σ² (a log-normal's mean residual life), its age no
	 * more than the time since an hour before opening. The central figure, a median, is
	 * at most twice that work's mean (Markov), and the calibration of the largest central
	 * figure up to it bounds the estimate.
	 */
	@Override
	public double ceiling(Office office, String queue, int ahead) {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, office.zone());
		Optional<OpeningHours> hours = office.hoursOn(today);
		if (hours.isEmpty() || office.proceduresOf(queue).isEmpty()) {
			return Double.POSITIVE_INFINITY;
		}
		Instant servingSince = today.atTime(hours.get().open())
			.atZone(office.zone())
			.toInstant()
			.minus(Duration.ofHours(1));
		double oldestService = Math.max(0, Duration.between(servingSince, now).toMillis() / 60000.0);
		double longest = office.proceduresOf(queue)
			.stream()
			.mapToDouble((p) -> minutesOf(office, p))
			.max()
			.orElseThrow();
		double cv = this.serviceTimes.serviceCv(office.id(), Situation.DEFAULT_SERVICE_CV);
		double counters = openCounters(office, queue);
		double underWay = Math.ceil(counters - 1e-9) * (longest + Math.log(1 + cv * cv) * oldestService);
		double meanWork = (underWay + ahead * longest) / counters;
		return this.predictor.largestEstimateUpTo(2 * meanWork);
	}

	private Situation situation(Office office, Line line) {
		double presence = this.behaviour.webPresence(office.id());
		double giveUp = this.behaviour.giveUpPerMinute(office.id());
		Map<UUID, TravelNotices.Told> told = toldToCome(office, line);
		Instant now = this.clock.instant();
		List<Situation.Ahead> ahead = new ArrayList<>(line.places().size());
		for (Line.Place place : line.places()) {
			double minutes = minutesOf(office, office.procedure(place.procedure()));
			TravelNotices.Told notice = (place.ticket() != null) ? told.get(place.ticket()) : null;
			if (!place.present() && notice != null) {
				double overdue = Duration.between(notice.at(), now).toMillis() / 60000.0 - notice.travelMinutes();
				ahead.add(Situation.Ahead.toldToCome(minutes, presence, overdue,
						this.behaviour.lateMinutes(office.id()), this.behaviour.lateSpread(office.id())));
			}
			else {
				ahead.add(new Situation.Ahead(minutes, place.present(), presence, place.web() ? 0 : giveUp));
			}
		}
		List<Situation.InService> inService = line.inService()
			.stream()
			.map((busy) -> new Situation.InService(busy.elapsed().toMillis() / 60000.0,
					minutesOf(office, office.procedure(busy.procedure()))))
			.toList();
		double[] counters = new double[HORIZON];
		Arrays.fill(counters, openCounters(office, line.queue()));
		return new Situation(0, ahead, inService, counters, meanServiceMinutes(office, line.queue()), List.of(),
				Double.NaN, Double.NaN, this.serviceTimes.serviceCv(office.id(), Situation.DEFAULT_SERVICE_CV));
	}

	/** Web holders in line told to come, when there are any not here. */
	private Map<UUID, TravelNotices.Told> toldToCome(Office office, Line line) {
		TravelNotices notices = this.notices.getIfAvailable();
		boolean anyAway = line.places().stream().anyMatch((place) -> place.web() && !place.present());
		return (notices != null && anyAway) ? notices.toldToCome(office) : Map.of();
	}

	private double minutesOf(Office office, Procedure procedure) {
		return this.serviceTimes.procedureMinutes(office.id(), procedure.id(), procedure.minutes());
	}

	private double meanServiceMinutes(Office office, String queue) {
		return office.proceduresOf(queue).stream().mapToDouble((p) -> minutesOf(office, p)).average().orElse(10);
	}

	/**
	 * The counters serving the queue that are open now, a counter shared with other
	 * queues in part. When all of them are away (a break) they are counted as back: the
	 * line will be served when they return, and no break lasts the day.
	 */
	private double openCounters(Office office, String queue) {
		CounterAvailability availability = this.counters.getIfAvailable();
		Set<String> away = (availability != null) ? availability.notOpen(office) : Set.of();
		double open = 0;
		double all = 0;
		for (Counter counter : office.countersServing(queue)) {
			double share = 1.0 / counter.queues().size();
			all += share;
			open += away.contains(counter.id()) ? 0 : share;
		}
		return (open > 0) ? open : Math.max(all, 1);
	}

	private static WaitEstimate rounded(Prediction prediction) {
		return new WaitEstimate((int) Math.round(prediction.minutes()), (int) Math.floor(prediction.low()),
				(int) Math.ceil(prediction.high()));
	}

}
