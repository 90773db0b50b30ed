package jp.madoguchi.estimate.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The line played forward many times from what the office knows: the counters as
 * scheduled, each one a server of its own (a counter shared with another queue serving
 * this one at its share of the speed), the services under way finishing after a
 * log-normal residual, each ticket ahead served for a log-normal time around its
 * procedure's learned minutes — a web holder not here only by their chance to come, a
 * walk-in only if their patience lasts until their turn. One pass of a sample gives the
 * minute every place of the line is called, so the whole line costs little more than one
 * place. The same seed each time: estimates a minute apart differ by what changed, not by
 * the dice.
 */
final class LineSimulation {

	/** Samples for a short line; a long line gets fewer, down to {@link #MIN_SAMPLES}. */
	static final int SAMPLES = 200;

	static final int MIN_SAMPLES = 40;

	/** A bound on samples × places, so a line of thousands stays a few milliseconds. */
	private static final int BUDGET = 400_000;

	private static final double EPSILON = 1e-9;

	/** A server never open again. */
	private static final double NEVER = Double.MAX_VALUE / 4;

	private final Situation situation;

	private final int servers;

	/** For each server and minute from now: the first minute at or after it open. */
	private final int[][] nextOpen;

	/** Open counters beyond the horizon (at least a sliver). */
	private final double beyond;

	private final int serversBeyond;

	/**
	 * Holders passed over and still to come, in one sample: (arrival, service minutes).
	 */
	private final List<double[]> late = new ArrayList<>();

	/**
	 * For each server in one sample: the first moment it is open after its current
	 * service, worked out once when that service is drawn, so the earliest server is
	 * found without working out every server's hours again.
	 */
	private final double[] ready;

	/** The log-normal service times' shape, from the spread of counter times. */
	private final double sigma;

	private final double halfSigma2;

	private LineSimulation(Situation situation) {
		this.situation = situation;
		double[] counters = situation.counters();
		double last = (counters.length > 0) ? counters[counters.length - 1] : 0;
		this.beyond = (last > EPSILON) ? last : 0.5;
		this.serversBeyond = (int) Math.ceil(this.beyond - EPSILON);
		int most = this.serversBeyond;
		for (double c : counters) {
			most = Math.max(most, (int) Math.ceil(c - EPSILON));
		}
		this.servers = Math.max(1, most);
		this.nextOpen = new int[this.servers][counters.length + 1];
		for (int j = 0; j < this.servers; j++) {
			int next = counters.length;
			this.nextOpen[j][counters.length] = counters.length;
			for (int m = counters.length - 1; m >= 0; m--) {
				if (counters[m] > j + EPSILON) {
					next = m;
				}
				this.nextOpen[j][m] = next;
			}
		}
		this.ready = new double[this.servers];
		double sigma2 = Math.log(1 + situation.serviceCv() * situation.serviceCv());
		this.sigma = Math.sqrt(sigma2);
		this.halfSigma2 = sigma2 / 2;
	}

	/**
	 * The waits of every place of the line, sorted per place: element {@code k} holds the
	 * sampled minutes until a holder with the first {@code k} tickets ahead before them
	 * is called.
	 */
	static double[][] waits(Situation situation) {
		return waits(situation, situation.ahead().size() + 1);
	}

	/**
	 * The waits of the first {@code places} places only: the same as those of
	 * {@link #waits(Situation)}, without playing the rest of the line.
	 */
	static double[][] waits(Situation situation, int places) {
		return new LineSimulation(situation).run(places);
	}

	private double[][] run(int places) {
		// as many samples as for the whole line, so that its first places agree with it
		int samples = Math.max(MIN_SAMPLES, Math.min(SAMPLES, BUDGET / (this.situation.ahead().size() + 1)));
		double[][] waits = new double[places][samples];
		SplittableRandom seeds = new SplittableRandom(20311);
		for (int sample = 0; sample < samples; sample++) {
			// a stream of its own per sample: a place's waits do not depend on the places
			// behind it, so the whole line agrees with each place estimated alone
			playOnce(seeds.split(), waits, sample);
		}
		for (double[] place : waits) {
			Arrays.sort(place);
		}
		return waits;
	}

	private void playOnce(SplittableRandom random, double[][] waits, int sample) {
		for (int j = 0; j < this.servers; j++) {
			freeAt(j, 0);
		}
		int busy = 0;
		for (Situation.InService service : this.situation.inService()) {
			if (busy < this.servers) {
				freeAt(busy++, residual(random, service.serviceMinutes(), service.elapsedMinutes()));
			}
		}
		this.late.clear();
		int k = 0;
		for (Situation.Ahead ahead : this.situation.ahead()) {
			int server = servingLateComers(random);
			double start = this.ready[server];
			waits[k++][sample] = start;
			if (k == waits.length) {
				return;
			}
			if (!served(random, ahead, start)) {
				continue;
			}
			if (ahead.onTheWay()) {
				double arrival = ahead.arrivesIn() + ahead.arrivalSpread() * random.nextGaussian();
				if (arrival > start) {
					// passed over; back at the front when they come
					this.late.add(new double[] { arrival, ahead.serviceMinutes() });
					continue;
				}
			}
			freeAt(server, start + logNormal(random, ahead.serviceMinutes()) / speed(server, start));
		}
		waits[k][sample] = this.ready[servingLateComers(random)];
	}

	/** The server finishes its current service at {@code at}. */
	private void freeAt(int server, double at) {
		this.ready[server] = openAt(server, at);
	}

	/**
	 * Serves the holders passed over who have come by the time a counter frees (they go
	 * to the front); answers the counter that frees next for the line.
	 */
	private int servingLateComers(SplittableRandom random) {
		while (true) {
			int server = earliest();
			double at = this.ready[server];
			if (this.late.isEmpty()) {
				return server;
			}
			double[] first = null;
			for (double[] comer : this.late) {
				if (comer[0] <= at && (first == null || comer[0] < first[0])) {
					first = comer;
				}
			}
			if (first == null) {
				return server;
			}
			this.late.remove(first);
			freeAt(server, at + logNormal(random, first[1]) / speed(server, at));
		}
	}

	/**
	 * Whether the holder comes (if not here) and is still waiting when their turn comes.
	 */
	private static boolean served(SplittableRandom random, Situation.Ahead ahead, double start) {
		if (!ahead.present() && random.nextDouble() >= ahead.presenceChance()) {
			return false;
		}
		// patience is memoryless: what is left of it is as long as it was
		return ahead.giveUpPerMinute() <= 0 || -Math.log(1 - random.nextDouble()) / ahead.giveUpPerMinute() > start;
	}

	private int earliest() {
		int best = 0;
		double bestAt = Double.MAX_VALUE;
		for (int j = 0; j < this.servers; j++) {
			if (this.ready[j] < bestAt) {
				bestAt = this.ready[j];
				best = j;
			}
		}
		return best;
	}

	/**
	 * The first moment at or after {@code at} when the server is open; beyond the horizon
	 * the counters stay as at its last minute.
	 */
	private double openAt(int server, double at) {
		int[] next = this.nextOpen[server];
		int horizon = next.length - 1;
		int minute = (int) Math.min(at, horizon);
		int open = next[minute];
		if (open == minute && minute < horizon) {
			return at;
		}
		if (open < horizon) {
			return open;
		}
		return (server < this.serversBeyond) ? Math.max(at, horizon) : NEVER;
	}

	/** A counter shared with another queue serves this one at its share of the speed. */
	private double speed(int server, double at) {
		double[] counters = this.situation.counters();
		int minute = (int) at;
		double open = (minute < counters.length) ? counters[minute] : this.beyond;
		return Math.max(0.25, Math.min(1, open - server));
	}

	private double residual(SplittableRandom random, double mean, double elapsed) {
		for (int tries = 0; tries < 20; tries++) {
			double total = logNormal(random, mean);
			if (total > elapsed) {
				return total - elapsed;
			}
		}
		return Predictors.residual(mean, elapsed, this.situation.serviceCv());
	}

	/** A log-normal draw with this mean and the spread of counter times. */
	private double logNormal(SplittableRandom random, double mean) {
		if (mean <= 0) {
			return 0;
		}
		return mean * Math.exp(this.sigma * random.nextGaussian() - this.halfSigma2);
	}

}
