package jp.madoguchi.estimate.predict;

import java.util.List;

/**
 * What an estimator may know when it estimates one holder's wait, in minutes from now.
 * Every estimator gets the same inputs: the office's learned service times included, so
 * that no baseline is made weak by what it is denied.
 *
 * @param minuteOfDay minutes since midnight, office time
 * @param ahead the tickets before this one in line order, not yet called
 * @param inService each ticket now at a counter of the queue: how long it has been there
 * and its procedure's learned service time
 * @param counters open counters serving the queue for each minute from now (a counter
 * shared with other queues counts in part), for the planning horizon
 * @param meanServiceMinutes the learned mean service time of the queue's tickets
 * @param recentWaits waits of the queue's tickets called in the last hour, newest last
 * @param lastEnteredServiceWait the wait of the last ticket called, or NaN
 * @param headOfLineWait how long the first present ticket in line has waited, or NaN
 * @param serviceCv the spread of service times (standard deviation ÷ mean), learned from
 * the office's services
 */
public record Situation(int minuteOfDay, List<Ahead> ahead, List<InService> inService, double[] counters,
		double meanServiceMinutes, List<Double> recentWaits, double lastEnteredServiceWait, double headOfLineWait,
		double serviceCv) {

	/** The spread of service times assumed before the office has learned its own. */
	public static final double DEFAULT_SERVICE_CV = 0.5;

	public Situation(int minuteOfDay, List<Ahead> ahead, List<InService> inService, double[] counters,
			double meanServiceMinutes, List<Double> recentWaits, double lastEnteredServiceWait, double headOfLineWait) {
		this(minuteOfDay, ahead, inService, counters, meanServiceMinutes, recentWaits, lastEnteredServiceWait,
				headOfLineWait, DEFAULT_SERVICE_CV);
	}

	/**
	 * The same situation for a holder with only the first {@code places} tickets ahead.
	 */
	Situation withFirst(int places) {
		return new Situation(this.minuteOfDay, this.ahead.subList(0, places), this.inService, this.counters,
				this.meanServiceMinutes, this.recentWaits, this.lastEnteredServiceWait, this.headOfLineWait,
				this.serviceCv);
	}

	/**
	 * Open counters now (at least a sliver, so that a queue never seems served by none).
	 */
	public double countersNow() {
		return Math.max(this.counters.length > 0 ? this.counters[0] : 0, 0.0);
	}

	/**
	 * A ticket at a counter.
	 *
	 * @param elapsedMinutes how long it has been there
	 * @param serviceMinutes the learned mean service time of its procedure
	 */
	public record InService(double elapsedMinutes, double serviceMinutes) {

		/** What is likely left of its service. */
		public double residual(double serviceCv) {
			return Predictors.residual(this.serviceMinutes, this.elapsedMinutes, serviceCv);
		}

	}

	/**
	 * A ticket ahead in line.
	 *
	 * @param serviceMinutes the learned mean service time of its procedure
	 * @param present whether its holder is in the office (checked in, or a paper ticket)
	 * @param presenceChance how likely it is to be called rather than passed over
	 * @param giveUpPerMinute how likely a holder waiting in the office gives up, per
	 * minute (walk-ins; the office learns it from its cancelled tickets)
	 * @param arrivesIn for a web holder told to come and not here yet: the minutes until
	 * they are likely here (travel time left plus the usual lateness; may be negative
	 * when they are overdue), with {@code arrivalSpread} its standard deviation; NaN
	 * otherwise
	 */
	public record Ahead(double serviceMinutes, boolean present, double presenceChance, double giveUpPerMinute,
			double arrivesIn, double arrivalSpread) {

		public Ahead(double serviceMinutes, boolean present, double presenceChance) {
			this(serviceMinutes, present, presenceChance, 0);
		}

		public Ahead(double serviceMinutes, boolean present, double presenceChance, double giveUpPerMinute) {
			this(serviceMinutes, present, presenceChance, giveUpPerMinute, Double.NaN, 0);
		}

		/**
		 * A web holder told to come and not here yet, this many minutes past their travel
		 * time ({@code overdue}, negative while still within it): expected after the rest
		 * of their travel and the usual lateness, and the longer overdue, the likelier
		 * not coming at all (those who come are seldom that late).
		 * @param presenceChance the share of web holders who come at all
		 * @param lateMinutes the mean of how late those who come arrive after their
		 * travel time
		 * @param lateSpread its standard deviation
		 */
		public static Ahead toldToCome(double serviceMinutes, double presenceChance, double overdue, double lateMinutes,
				double lateSpread) {
			double spread = Math.max(lateSpread, 0.5);
			double comingThisLate = presenceChance * Predictors.upperTail((overdue - lateMinutes) / spread);
			double stillComing = comingThisLate / (comingThisLate + 1 - presenceChance);
			return new Ahead(serviceMinutes, false, stillComing, 0, lateMinutes - overdue, spread);
		}

		/** Whether the holder is on the way, told to come. */
		public boolean onTheWay() {
			return !this.present && !Double.isNaN(this.arrivesIn);
		}

	}

	/**
	 * The expected work before the holder, in counter-minutes: each ticket ahead by its
	 * chance to be served — web holders not here by their chance to come, people in the
	 * office by their chance still to be waiting when their turn comes — plus what is
	 * likely left of the services under way.
	 */
	public double expectedWorkAhead() {
		double rate = Math.max(countersNow(), 0.5);
		double work = 0;
		for (InService busy : this.inService) {
			work += busy.residual(this.serviceCv);
		}
		for (Ahead ahead : this.ahead) {
			work += expectedWork(ahead, work, rate);
		}
		return work;
	}

	/**
	 * The work one ticket ahead adds: its service time by its chance to be served, given
	 * the work before it and the counters' rate.
	 */
	static double expectedWork(Ahead ahead, double workBefore, double rate) {
		return chanceToBeServed(ahead, workBefore, rate) * ahead.serviceMinutes();
	}

	/**
	 * The chance a ticket ahead is served: a web holder not here by their chance to come,
	 * someone in the office by their chance still to wait when their turn comes.
	 */
	static double chanceToBeServed(Ahead ahead, double workBefore, double rate) {
		double chance = ahead.present() ? 1.0 : ahead.presenceChance();
		if (ahead.giveUpPerMinute() > 0) {
			chance *= Math.exp(-ahead.giveUpPerMinute() * workBefore / rate);
		}
		return chance;
	}

}
