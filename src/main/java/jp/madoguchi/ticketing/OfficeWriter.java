package jp.madoguchi.ticketing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jp.madoguchi.shared.MadoguchiException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the changes of each office one batch at a time (group commit). Changes waiting
 * for an office are taken together and run in one transaction under the office's lock, in
 * the order they arrived; their new tickets are inserted together (before any other
 * statement that could read them), their numbers are written once and their events
 * journaled together, and the batch commits once. Under load this turns many small
 * commits into few larger ones. When changes come one at a time, each is a batch of its
 * own, run on its caller's thread.
 *
 * <p>
 * A change must refuse (throw a {@link MadoguchiException}) before it writes anything or
 * takes a number: then the others of its batch go on. Any other failure rolls the whole
 * batch back, and its changes are tried again one by one, so one change's failure never
 * fails another.
 */
@Component
class OfficeWriter {

	private static final Log logger = LogFactory.getLog(OfficeWriter.class);

	static final int MAX_BATCH = 64;

	private final TransactionTemplate transactions;

	private final TicketJournal journal;

	private final TicketRepository tickets;

	private final TicketFeed feed;

	private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

	private final DistributionSummary batchSizes;

	private final Timer batchTimes;

	OfficeWriter(TransactionTemplate transactions, TicketJournal journal, TicketRepository tickets, TicketFeed feed,
			MeterRegistry meters) {
		this.transactions = transactions;
		this.journal = journal;
		this.tickets = tickets;
		this.feed = feed;
		this.batchSizes = DistributionSummary.builder("madoguchi.writer.batch.size")
			.description("Changes committed together")
			.register(meters);
		this.batchTimes = Timer.builder("madoguchi.writer.batch.duration")
			.description("Time to run and commit a batch of changes")
			.register(meters);
	}

	/**
	 * Runs a change in the office's next batch and returns its result once committed. The
	 * change takes its tickets' numbers from the batch's {@link DayNumbers}.
	 */
	<R> R write(String office, Function<DayNumbers, Change<R>> change) {
		Pending<R> pending = new Pending<>(change);
		Lane lane = lane(office);
		if (lane.writing.isHeldByCurrentThread()) {
			// from inside a batch of the office (a change, or a listener of its events):
			// the batch would wait for itself
			throw new IllegalStateException(
					"A change of office " + office + " cannot wait for another change of the same office");
		}
		if (!writtenAtOnce(office, lane, pending)) {
			lane.waiting.incrementAndGet();
			lane.queue.add(pending);
		}
		try {
			return pending.result.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/** How many changes of the office wait for the next batch. */
	int waiting(String office) {
		return lane(office).waiting.get();
	}

	private Lane lane(String office) {
		return this.lanes.computeIfAbsent(office, (id) -> {
			Lane lane = new Lane();
			Thread.ofVirtual().name("writer-" + id).start(() -> drain(id, lane));
			return lane;
		});
	}

	/**
	 * When the office's writer is idle and its changes have come one at a time, the
	 * caller runs its change as a batch of one on its own thread: handing it to the
	 * writer's thread and waiting to be woken costs a single change about as much as its
	 * transaction. Once changes come together, they go through the writer's thread again,
	 * which commits them in batches. Not from inside a transaction, which the change
	 * would join.
	 */
	private boolean writtenAtOnce(String office, Lane lane, Pending<?> pending) {
		if (lane.lastBatch > 1 || lane.waiting.get() > 0
				|| TransactionSynchronizationManager.isActualTransactionActive() || !lane.writing.tryLock()) {
			return false;
		}
		try {
			lane.lastBatch = 1;
			commitOrFail(office, List.of(pending));
		}
		finally {
			lane.writing.unlock();
		}
		pending.complete();
		return true;
	}

	private void drain(String office, Lane lane) {
		while (true) {
			List<Pending<?>> batch = new ArrayList<>();
			try {
				batch.add(lane.queue.take());
			}
			catch (InterruptedException ex) {
				return;
			}
			lane.writing.lock();
			try {
				lane.queue.drainTo(batch, MAX_BATCH - 1);
				lane.waiting.addAndGet(-batch.size());
				lane.lastBatch = batch.size();
				commitOrFail(office, batch);
			}
			finally {
				lane.writing.unlock();
			}
			// the callers wake to a free writer: the next change may not need its thread
			batch.forEach(Pending::complete);
		}
	}

	/**
	 * Commits the batch, or each of its changes alone if the batch fails; the outcome is
	 * kept in each change, for its caller once the writer is free.
	 */
	private void commitOrFail(String office, List<Pending<?>> batch) {
		try {
			commit(office, batch);
		}
		catch (Throwable ex) {
			if (batch.size() == 1) {
				batch.get(0).fail(ex);
			}
			else {
				logger.warn("A batch of " + batch.size() + " changes failed; trying them one by one: " + ex);
				for (Pending<?> single : batch) {
					try {
						commit(office, List.of(single));
					}
					catch (Throwable singleFailure) {
						single.fail(singleFailure);
					}
				}
			}
		}
	}

	private void commit(String office, List<Pending<?>> batch) {
		this.batchSizes.record(batch.size());
		Timer.Sample started = Timer.start();
		List<TicketEvent> journaled = this.transactions.execute((status) -> {
			long lastSeq = this.journal.lock(office);
			DayNumbers numbers = new DayNumbers(this.tickets, office);
			List<TicketEvent> events = new ArrayList<>();
			this.tickets.deferringInserts(() -> batch.forEach((pending) -> pending.run(numbers, events)));
			numbers.write();
			return this.journal.append(office, lastSeq, events);
		});
		started.stop(this.batchTimes);
		// Committed: from here on nothing may send the batch down the retry path.
		try {
			this.feed.committed(office, journaled);
		}
		catch (RuntimeException ex) {
			logger.error("Committed events of " + office + " not published yet; the feed will catch up", ex);
		}
	}

	/** An office's changes waiting for the writer, and who is writing them. */
	private static final class Lane {

		private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();

		private final ReentrantLock writing = new ReentrantLock();

		/** The size of the batch written last. */
		private volatile int lastBatch;

		/** Changes handed to the writer's thread and not yet in a batch. */
		private final AtomicInteger waiting = new AtomicInteger();

	}

	/** What a change did: its result and the events it recorded. */
	record Change<R>(R result, List<TicketEvent> events) {
	}

	private static final class Pending<R> {

		private final Function<DayNumbers, Change<R>> change;

		private final CompletableFuture<R> result = new CompletableFuture<>();

		private R value;

		private MadoguchiException refusal;

		private Throwable failure;

		private Pending(Function<DayNumbers, Change<R>> change) {
			this.change = change;
		}

		void run(DayNumbers numbers, List<TicketEvent> events) {
			this.refusal = null;
			try {
				Change<R> done = this.change.apply(numbers);
				this.value = done.result();
				events.addAll(done.events());
			}
			catch (MadoguchiException ex) {
				this.refusal = ex;
			}
		}

		/** The change could not be committed (its batch, and then it alone, failed). */
		void fail(Throwable ex) {
			this.failure = ex;
		}

		void complete() {
			if (this.failure != null) {
				this.result.completeExceptionally(this.failure);
			}
			else if (this.refusal != null) {
				this.result.completeExceptionally(this.refusal);
			}
			else {
				this.result.complete(this.value);
			}
		}

	}

}
