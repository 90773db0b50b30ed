package jp.madoguchi.simulation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;

import jp.madoguchi.board.Board;
import jp.madoguchi.estimate.predict.Prediction;
import jp.madoguchi.estimate.predict.Predictor;
import jp.madoguchi.estimate.predict.Situation;
import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeDefinition.Counter;
import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.simulation.DayPlan.Person;
import jp.madoguchi.ticketing.Channel;
import jp.madoguchi.ticketing.Ticket;
import jp.madoguchi.ticketing.TicketEvent;
import jp.madoguchi.ticketing.TicketQueries;
import jp.madoguchi.ticketing.TicketService;
import jp.madoguchi.ticketing.TicketService.IssueRequest;
import jp.madoguchi.ticketing.TicketState;

/**
 * Runs one {@link DayPlan} against the real ticket engine, minute by simulated minute:
 * people take tickets at the kiosk or on the phone, web holders leave home when the
 * notice estimate says it is time and check in on arrival, walk-ins give up after a
 * while, counters call the next ticket, serve it for the person's service time, and
 * follow their schedule. Every rule of the line — order, passing over web holders not yet
 * here, grace times — is the engine's; the simulator only decides what people and clerks
 * do.
 *
 * <p>
 * Every few minutes each ticket still in line is estimated by every predictor; when the
 * engine first calls the ticket (or passes it over), each estimate is scored against the
 * wait that followed.
 */
public final class DaySimulator {

	/** How often web holders at home look at their estimate (the notice sweep). */
	static final double NOTICE_EVERY = 2;

	/** How often every ticket in line is estimated for the score. */
	static final double SCORE_EVERY = 10;

	/**
	 * The "come now" rule: leave when the low end of the estimate (its 10th percentile)
	 * is at most travel + this margin, so that nine in ten arrive before their turn (the
	 * default of {@code madoguchi.notify.margin-minutes} in the live application).
	 */
	static final double MARGIN = 5;

	/** Minutes from a call until the holder is at the counter and service starts. */
	static final double CALL_TO_START = 1;

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private static final java.util.Set<TicketState> IN_LINE = java.util.EnumSet.of(TicketState.WAITING,
			TicketState.ISSUED, TicketState.ABSENT);

	private final Office office;

	private final TicketService service;

	private final TicketQueries queries;

	private final SimulatedClock clock;

	private final EventTap tap;

	private final Knowledge knowledge;

	private final List<Predictor> predictors;

	private final Predictor noticeDriver;

	private final MonteCarloReference reference = new MonteCarloReference();

	private final Board board;

	private final double noticeMargin;

	public DaySimulator(Office office, TicketService service, TicketQueries queries, Board board, SimulatedClock clock,
			EventTap tap, Knowledge knowledge, List<Predictor> predictors, Predictor noticeDriver,
			double noticeMargin) {
		this.noticeMargin = noticeMargin;
		this.board = board;
		this.office = office;
		this.service = service;
		this.queries = queries;
		this.clock = clock;
		this.tap = tap;
		this.knowledge = knowledge;
		this.predictors = predictors;
		this.noticeDriver = noticeDriver;
	}

	/** Runs a day; answers what happened and every scored estimate. */
	public DayOutcome run(DayPlan plan) {
		return new Run(plan).execute();
	}

	/**
	 * What the office has learned from its own history, the same for every estimator:
	 * counter minutes per procedure (from the call to done) and their spread, the share
	 * of web tickets whose holders come at all (checked in, sooner or later: a holder
	 * passed over who comes within the grace time is served next, so still before those
	 * behind), how often walk-ins give up per minute of waiting (cancelled tickets ÷
	 * minutes waited), and how late after their travel time web holders told to come
	 * arrive (mean and standard deviation).
	 */
	public record Knowledge(Map<String, Double> serviceMinutes, double webPresence, double giveUpPerMinute,
			double serviceCv, double lateMinutes, double lateSpread) {

		double minutesOf(String procedure, double fallback) {
			return this.serviceMinutes.getOrDefault(procedure, fallback);
		}

	}

	/** One day's run. */
	private final class Run {

		private final DayPlan plan;

		private final PriorityQueue<Step> steps = new PriorityQueue<>();

		private final Map<UUID, Holder> holders = new HashMap<>();

		private final Map<String, Busy> busy = new HashMap<>();

		private final java.util.Set<String> waking = new java.util.HashSet<>();

		private final Map<String, ArrayDeque<double[]>> calledWaits = new HashMap<>();

		private final Map<String, boolean[]> openByMinute = new HashMap<>();

		private final DayOutcome outcome;

		/** Where the reference bound is among the predictors, if it is. */
		private final int referenceIndex;

		private double now;

		private long order;

		Run(DayPlan plan) {
			this.plan = plan;
			this.outcome = new DayOutcome(DaySimulator.this.predictors.stream().map(Predictor::name).toList());
			this.referenceIndex = indexOfReference(DaySimulator.this.predictors);
		}

		DayOutcome execute() {
			for (Person person : this.plan.people) {
				at(person.takeAt(), () -> take(person));
			}
			for (Counter counter : DaySimulator.this.office.counters()) {
				at(this.plan.open, () -> free(counter.id()));
				for (double[] span : this.plan.closedSpans.getOrDefault(counter.id(), List.of())) {
					at(span[1], () -> free(counter.id()));
				}
			}
			at(this.plan.open, () -> look(this.plan.open));
			while (!this.steps.isEmpty()) {
				Step step = this.steps.poll();
				if (step.at() > this.plan.close + 240) {
					break;
				}
				this.now = step.at();
				DaySimulator.this.clock.set(instant(this.now));
				step.action().run();
				absorbEvents();
			}
			for (Holder holder : this.holders.values()) {
				if (holder.person.web()) {
					this.outcome.webTickets++;
					this.outcome.webTicketsCheckedIn += Double.isNaN(holder.presentAt) ? 0 : 1;
					if (!Double.isNaN(holder.presentAt) && !Double.isNaN(holder.leftAt)) {
						this.outcome.lateness.add(holder.presentAt - holder.notifiedAt - holder.person.travelMinutes());
					}
				}
				else {
					double end = !Double.isNaN(holder.calledAt) ? holder.calledAt
							: holder.gaveUp ? holder.gaveUpAt : this.now;
					this.outcome.walkInMinutesWaited += Math.max(0, end - holder.issuedAt);
					this.outcome.walkInsWhoGaveUp += holder.gaveUp ? 1 : 0;
				}
			}
			this.outcome.finish();
			return this.outcome;
		}

		private void at(double minute, Runnable action) {
			this.steps.add(new Step(minute, this.order++, action));
		}

		private Instant instant(double minute) {
			long seconds = Math.round(minute * 60);
			return this.plan.day.atStartOfDay(TOKYO).toInstant().plusSeconds(seconds);
		}

		// ---- people ----

		private void take(Person person) {
			Ticket ticket;
			try {
				ticket = DaySimulator.this.service
					.issue(new IssueRequest(DaySimulator.this.office.id(), person.procedure().id(),
							person.web() ? Channel.WEB : Channel.KIOSK, null))
					.ticket();
			}
			catch (MadoguchiException ex) {
				this.outcome.turnedAway++;
				return;
			}
			Holder holder = new Holder(person, ticket.id(), ticket.queue(), this.now);
			this.holders.put(ticket.id(), holder);
			if (!person.web()) {
				holder.presentAt = this.now;
				at(this.now + person.patienceMinutes(), () -> giveUp(holder));
				wake(ticket.queue());
			}
		}

		private void giveUp(Holder holder) {
			if (Double.isNaN(holder.calledAt)) {
				try {
					DaySimulator.this.service.cancel(holder.ticket);
					holder.gaveUp = true;
					holder.gaveUpAt = this.now;
				}
				catch (MadoguchiException ex) {
					// called a moment before
				}
			}
		}

		private void arrive(Holder holder) {
			holder.presentAt = this.now;
			try {
				DaySimulator.this.service.checkInByStaff(DaySimulator.this.office.id(), holder.ticket);
				wake(holder.queue);
			}
			catch (MadoguchiException ex) {
				// the day is over for this ticket
			}
		}

		// ---- counters ----

		/** One new person in line wakes one idle open counter, if there is one. */
		private void wake(String queue) {
			for (Counter counter : DaySimulator.this.office.countersServing(queue)) {
				if (!this.busy.containsKey(counter.id()) && !this.waking.contains(counter.id())
						&& this.plan.isOpen(counter.id(), this.now)) {
					this.waking.add(counter.id());
					at(this.now, () -> {
						this.waking.remove(counter.id());
						free(counter.id());
					});
					return;
				}
			}
		}

		private void free(String counter) {
			if (this.busy.containsKey(counter) || !this.plan.isOpen(counter, this.now)) {
				return;
			}
			if (nobodyPresentFor(counter)) {
				// the engine would refuse: spare it the transaction
				noteIdle(counter);
				return;
			}
			Ticket called;
			try {
				called = DaySimulator.this.service.callNext(DaySimulator.this.office.id(), counter);
			}
			catch (MadoguchiException ex) {
				noteIdle(counter);
				return;
			}
			endIdle(counter);
			Holder holder = this.holders.get(called.id());
			this.busy.put(counter, new Busy(called.id(), called.queue(), this.now));
			double serviceMinutes = (holder != null) ? holder.person.serviceMinutes() : 10;
			at(this.now + CALL_TO_START, () -> start(counter));
			at(this.now + CALL_TO_START + serviceMinutes, () -> done(counter));
		}

		private boolean nobodyPresentFor(String counter) {
			for (String queue : DaySimulator.this.office.counter(counter).queues()) {
				if (DaySimulator.this.board.presentInLine(DaySimulator.this.office.id(), queue) > 0) {
					return false;
				}
			}
			return true;
		}

		private void start(String counter) {
			DaySimulator.this.service.start(DaySimulator.this.office.id(), counter);
		}

		private void done(String counter) {
			DaySimulator.this.service.done(DaySimulator.this.office.id(), counter);
			this.busy.remove(counter);
			at(this.now, () -> free(counter));
		}

		/**
		 * A counter found nobody to call. If web holders who are not here yet wait in its
		 * queues, the idle time is theirs.
		 */
		private void noteIdle(String counter) {
			if (this.outcome.idleSince.containsKey(counter)) {
				return;
			}
			Counter c = DaySimulator.this.office.counter(counter);
			boolean webAway = this.holders.values()
				.stream()
				.anyMatch((h) -> h.person.web() && Double.isNaN(h.calledAt) && Double.isNaN(h.presentAt)
						&& !h.passedOver && c.queues().contains(h.queue));
			this.outcome.idleSince.put(counter, new double[] { this.now, webAway ? 1 : 0 });
		}

		private void endIdle(String counter) {
			double[] idle = this.outcome.idleSince.remove(counter);
			if (idle != null) {
				if (idle[1] > 0) {
					this.outcome.idleForAbsentWeb += this.now - idle[0];
				}
			}
		}

		// ---- estimates ----

		/**
		 * A sweep; the next follows while the office is open or anyone is still in line
		 * (once the lines are empty after closing time, nobody joins them).
		 */
		private void look(double tick) {
			boolean score = Math.round(tick - this.plan.open) % Math.round(SCORE_EVERY) == 0;
			// the whole office's lines in one query, in line order
			Map<String, List<Ticket>> lines = new HashMap<>();
			for (Ticket ticket : DaySimulator.this.queries.inStates(DaySimulator.this.office.id(), IN_LINE)) {
				lines.computeIfAbsent(ticket.queue(), (q) -> new ArrayList<>()).add(ticket);
			}
			for (jp.madoguchi.office.OfficeDefinition.Queue queue : DaySimulator.this.office.queues()) {
				estimateLine(queue.id(), lines.getOrDefault(queue.id(), List.of()), score);
			}
			this.outcome.openCounterMinutes += openCounters() * NOTICE_EVERY;
			double next = tick + NOTICE_EVERY;
			if (next < this.plan.close + 240 && (next < this.plan.close || !lines.isEmpty())) {
				at(next, () -> look(next));
			}
		}

		private double openCounters() {
			double open = 0;
			for (Counter counter : DaySimulator.this.office.counters()) {
				if (this.plan.isOpen(counter.id(), this.now) && this.now < this.plan.close) {
					open++;
				}
			}
			return open;
		}

		private void estimateLine(String queue, List<Ticket> line, boolean score) {
			List<Situation.Ahead> ahead = new ArrayList<>();
			List<double[]> aheadTruth = new ArrayList<>();
			List<int[]> places = new ArrayList<>();
			List<Holder> waiting = new ArrayList<>();
			double meanService = meanService(queue);
			for (Ticket ticket : line) {
				if (ticket.state() == TicketState.ABSENT) {
					continue;
				}
				Holder holder = this.holders.get(ticket.id());
				if (holder != null && Double.isNaN(holder.calledAt)) {
					waiting.add(holder);
					places.add(new int[] { ahead.size(), aheadTruth.size() });
				}
				boolean present = ticket.state() == TicketState.WAITING;
				double minutes = DaySimulator.this.knowledge.minutesOf(ticket.procedure(), meanService);
				ahead.add(ahead(ticket, holder, present, minutes));
				if (holder != null && !(holder.person.web() && holder.person.noShow() && !present)) {
					boolean onTheWay = !present && !Double.isNaN(holder.leftAt);
					aheadTruth.add(new double[] { holder.person.procedure().minutes(),
							holder.person.web() ? 0 : this.plan.patienceMean,
							onTheWay ? holder.leftAt + holder.person.travelMinutes() + holder.person.lateness()
									- this.now : Double.NaN });
				}
			}
			Situation whole = new Situation((int) this.now, ahead, inService(queue), counters(queue), meanService,
					recentWaits(queue), lastEnteredServiceWait(queue), headOfLineWait(line),
					DaySimulator.this.knowledge.serviceCv());
			// scored now: every ticket at a scoring sweep, else those not yet estimated
			int scored = score ? waiting.size() : (int) waiting.stream().filter((h) -> !h.estimatedAtIssue).count();
			Prediction[][] everyPlace = (scored > 0) ? predictEveryPlace(whole, scored) : null;
			Prediction[] notices = null;
			// the notices need the estimates only as far as the last web holder not told
			// yet
			int untold = 0;
			for (int i = 0; i < waiting.size(); i++) {
				if (waiting.get(i).person.web() && Double.isNaN(waiting.get(i).notifiedAt)) {
					untold = places.get(i)[0] + 1;
				}
			}
			Prediction[] references = null;
			Prediction[] truthNotices = null;
			for (int i = 0; i < waiting.size(); i++) {
				Holder holder = waiting.get(i);
				int place = places.get(i)[0];
				boolean atIssue = !holder.estimatedAtIssue;
				if (score || atIssue) {
					Prediction[] predictions = column(everyPlace, place);
					if (this.referenceIndex >= 0) {
						if (references == null) {
							references = timedReference(queue, aheadTruth, scored);
						}
						predictions[this.referenceIndex] = references[places.get(i)[1]];
					}
					this.outcome.observe(holder, this.now, atIssue, predictions);
					holder.estimatedAtIssue = true;
				}
				if (holder.person.web() && Double.isNaN(holder.notifiedAt) && noticesFromTruth()) {
					if (truthNotices == null) {
						truthNotices = (references != null) ? references : reference(queue, aheadTruth);
					}
					notice(holder, truthNotices[places.get(i)[1]]);
				}
				else if (holder.person.web() && Double.isNaN(holder.notifiedAt)) {
					if (notices == null) {
						notices = noticeEstimates(whole, everyPlace, untold);
					}
					notice(holder, notices[place]);
				}
			}
		}

		/**
		 * Whether the reference drives the notices: what notices could do at best, from
		 * the true state (a benchmark option, not something an office can have).
		 */
		private boolean noticesFromTruth() {
			return this.referenceIndex >= 0 && DaySimulator.this.noticeDriver instanceof MonteCarloReference;
		}

		/**
		 * A ticket ahead as the office sees it. A web holder told to come and not here
		 * yet is expected after their travel time and the usual lateness; the longer they
		 * are overdue, the likelier they are not coming at all.
		 */
		private Situation.Ahead ahead(Ticket ticket, Holder holder, boolean present, double minutes) {
			Knowledge known = DaySimulator.this.knowledge;
			if (ticket.channel() != Channel.WEB) {
				return new Situation.Ahead(minutes, present, known.webPresence(), known.giveUpPerMinute());
			}
			if (present || holder == null || Double.isNaN(holder.notifiedAt)) {
				return new Situation.Ahead(minutes, present, known.webPresence(), 0);
			}
			double overdue = this.now - holder.notifiedAt - holder.person.travelMinutes();
			return Situation.Ahead.toldToCome(minutes, known.webPresence(), overdue, known.lateMinutes(),
					known.lateSpread());
		}

		/**
		 * Every predictor but the reference, for every place of the line at once; the
		 * time it takes is shared among the places scored.
		 */
		private Prediction[][] predictEveryPlace(Situation whole, int scored) {
			List<Predictor> all = DaySimulator.this.predictors;
			Prediction[][] everyPlace = new Prediction[all.size()][];
			for (int i = 0; i < all.size(); i++) {
				if (i == this.referenceIndex) {
					continue;
				}
				long started = System.nanoTime();
				everyPlace[i] = all.get(i).predictEach(whole);
				this.outcome.cpuNanos[i] += System.nanoTime() - started;
				this.outcome.estimates[i] += scored;
			}
			return everyPlace;
		}

		private Prediction[] column(Prediction[][] everyPlace, int place) {
			Prediction[] predictions = new Prediction[everyPlace.length];
			for (int i = 0; i < everyPlace.length; i++) {
				predictions[i] = (i == this.referenceIndex) ? null : everyPlace[i][place];
			}
			return predictions;
		}

		/**
		 * The notice driver's estimate of the first places of the line: the scored one
		 * when it is among them.
		 */
		private Prediction[] noticeEstimates(Situation whole, Prediction[][] everyPlace, int places) {
			int driver = DaySimulator.this.predictors.indexOf(DaySimulator.this.noticeDriver);
			if (everyPlace != null && driver >= 0 && driver != this.referenceIndex) {
				return everyPlace[driver];
			}
			return DaySimulator.this.noticeDriver.predictFirst(whole, places);
		}

		/**
		 * The reference for every place of the line; the time it takes is shared among
		 * the places scored.
		 */
		private Prediction[] timedReference(String queue, List<double[]> aheadTruth, int scored) {
			long started = System.nanoTime();
			Prediction[] predictions = reference(queue, aheadTruth);
			this.outcome.cpuNanos[this.referenceIndex] += System.nanoTime() - started;
			this.outcome.estimates[this.referenceIndex] += scored;
			return predictions;
		}

		/** The reference bound, from the true state of the queue's counters and line. */
		private Prediction[] reference(String queue, List<double[]> aheadTruth) {
			List<double[]> counterFree = new ArrayList<>();
			List<double[][]> closed = new ArrayList<>();
			List<double[]> inService = new ArrayList<>();
			for (Counter counter : DaySimulator.this.office.countersServing(queue)) {
				Busy b = this.busy.get(counter.id());
				double share = 1.0 / counter.queues().size();
				counterFree.add(new double[] { (b != null) ? 1 : 0, share });
				Holder served = (b != null) ? this.holders.get(b.ticket) : null;
				inService.add(new double[] { (served != null) ? served.person.procedure().minutes() : 10,
						(b != null) ? this.now - b.since : 0 });
				List<double[]> spans = new ArrayList<>();
				for (double[] span : this.plan.closedSpans.getOrDefault(counter.id(), List.of())) {
					if (span[1] > this.now) {
						spans.add(new double[] { span[0] - this.now, span[1] - this.now });
					}
				}
				closed.add(spans.toArray(new double[0][]));
			}
			return DaySimulator.this.reference.predictEach(aheadTruth, counterFree, closed, inService);
		}

		/**
		 * A web holder at home is told to come when the estimate reaches travel + margin;
		 * all but the no-shows leave then.
		 */
		private void notice(Holder holder, Prediction prediction) {
			// the low end of the range: most holders then arrive before their turn
			double estimate = prediction.hasRange() ? prediction.low() : prediction.minutes();
			if (estimate <= holder.person.travelMinutes() + DaySimulator.this.noticeMargin) {
				holder.notifiedAt = this.now;
				if (!holder.person.noShow()) {
					holder.leftAt = this.now;
					at(this.now + holder.person.travelMinutes() + holder.person.lateness(), () -> arrive(holder));
				}
			}
		}

		private double[] counters(String queue) {
			int horizon = (int) Math.max(60, this.plan.close + 240 - this.now);
			double[] counters = new double[horizon];
			for (Counter counter : DaySimulator.this.office.countersServing(queue)) {
				if (this.plan.isClosedWithoutNotice(counter.id(), this.now)) {
					// the office does not know when it reopens
					continue;
				}
				double share = 1.0 / counter.queues().size();
				boolean[] open = plannedByMinute(counter.id());
				int from = (int) Math.floor(this.now);
				for (int m = 0; m < horizon; m++) {
					if (from + m >= open.length || open[from + m]) {
						counters[m] += share;
					}
				}
			}
			return counters;
		}

		/**
		 * Whether a counter is open minute by minute of the day as planned (hours, lunch
		 * rotation; no shock), worked out once.
		 */
		private boolean[] plannedByMinute(String counter) {
			return this.openByMinute.computeIfAbsent(counter, (id) -> {
				boolean[] open = new boolean[(int) (this.plan.close + 240 + 60 * 24)];
				for (int m = 0; m < open.length; m++) {
					open[m] = this.plan.isOpenAsPlanned(id, m);
				}
				return open;
			});
		}

		private List<Situation.InService> inService(String queue) {
			List<Situation.InService> atCounters = new ArrayList<>();
			double mean = meanService(queue);
			for (Busy b : this.busy.values()) {
				if (b.queue.equals(queue)) {
					Holder served = this.holders.get(b.ticket);
					double minutes = (served != null)
							? DaySimulator.this.knowledge.minutesOf(served.person.procedure().id(), mean) : mean;
					atCounters.add(new Situation.InService(this.now - b.since, minutes));
				}
			}
			return atCounters;
		}

		private double meanService(String queue) {
			return DaySimulator.this.office.proceduresOf(queue)
				.stream()
				.mapToDouble((p) -> DaySimulator.this.knowledge.minutesOf(p.id(), p.minutes()))
				.average()
				.orElse(10);
		}

		private List<Double> recentWaits(String queue) {
			ArrayDeque<double[]> waits = this.calledWaits.getOrDefault(queue, new ArrayDeque<>());
			List<Double> recent = new ArrayList<>();
			for (double[] wait : waits) {
				if (wait[0] >= this.now - 60) {
					recent.add(wait[1]);
				}
			}
			return recent;
		}

		private double lastEnteredServiceWait(String queue) {
			ArrayDeque<double[]> waits = this.calledWaits.get(queue);
			return (waits == null || waits.isEmpty()) ? Double.NaN : waits.peekLast()[1];
		}

		private double headOfLineWait(List<Ticket> line) {
			for (Ticket ticket : line) {
				if (ticket.state() == TicketState.WAITING) {
					Holder holder = this.holders.get(ticket.id());
					return (holder != null) ? this.now - holder.issuedAt : Double.NaN;
				}
			}
			return Double.NaN;
		}

		// ---- what the engine did ----

		private void absorbEvents() {
			for (TicketEvent event : DaySimulator.this.tap.drain()) {
				Holder holder = this.holders.get(event.ticket());
				if (holder == null) {
					continue;
				}
				if (event.kind() == TicketEvent.Kind.CALLED && Double.isNaN(holder.calledAt)) {
					holder.calledAt = this.now;
					this.calledWaits.computeIfAbsent(event.queue(), (q) -> new ArrayDeque<>())
						.addLast(new double[] { this.now, this.now - holder.issuedAt });
					if (!holder.passedOver) {
						this.outcome.called(holder, this.now);
					}
				}
				else if (event.kind() == TicketEvent.Kind.PASSED_OVER && !holder.passedOver) {
					// the first turn, not taken: scored now, never again
					holder.passedOver = true;
					this.outcome.called(holder, this.now);
				}
			}
		}

	}

	private static int indexOfReference(List<Predictor> predictors) {
		for (int i = 0; i < predictors.size(); i++) {
			if (predictors.get(i) instanceof MonteCarloReference) {
				return i;
			}
		}
		return -1;
	}

	private record Busy(UUID ticket, String queue, double since) {
	}

	/** A person holding a ticket, and what became of them. */
	static final class Holder {

		final Person person;

		final UUID ticket;

		final String queue;

		final double issuedAt;

		double presentAt = Double.NaN;

		double notifiedAt = Double.NaN;

		double leftAt = Double.NaN;

		double calledAt = Double.NaN;

		boolean passedOver;

		boolean gaveUp;

		double gaveUpAt = Double.NaN;

		boolean estimatedAtIssue;

		Holder(Person person, UUID ticket, String queue, double issuedAt) {
			this.person = person;
			this.ticket = ticket;
			this.queue = queue;
			this.issuedAt = issuedAt;
		}

	}

}
