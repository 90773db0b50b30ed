package jp.madoguchi.ticketing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.support.AppTest;
import jp.madoguchi.support.H2;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group commit keeps each change's outcome its own: changes that arrive together commit
 * together, a refusal fails only its own change, and a change that fails after writing is
 * rolled back alone while the others of its batch still commit. The numbers the changes
 * take follow one another, across batches, with none lost to the failed change. A change
 * that finds the writer idle runs on its caller's thread, with no hand-over; one that
 * waits for another change of its office fails instead of waiting forever.
 */
@ContextConfiguration(initializers = H2.class)
class OfficeWriterTest extends AppTest {

	@Autowired
	private OfficeWriter writer;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TicketService service;

	@Autowired
	private TransactionTemplate transactions;

	private static final String WRITER_THREAD = "writer-" + KONAN;

	/** A day of its own, far from the days other tests take tickets on. */
	private static final LocalDate DAY = LocalDate.of(2001, 1, 1);

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	@Test
	void aFailingChangeFailsAloneAndLeavesNoTrace() throws Exception {
		Holding<String> first = holdingTheWriter((numbers) -> insert("writer-first", numbers));
		List<CompletableFuture<String>> others = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String name = "writer-good-" + i;
			others
				.add(CompletableFuture.supplyAsync(
						() -> this.writer.write(KONAN,
								(numbers) -> new OfficeWriter.Change<>(insert(name, numbers), List.of())),
						this.threads));
		}
		CompletableFuture<String> refused = CompletableFuture.supplyAsync(() -> this.writer.write(KONAN, (numbers) -> {
			throw new MadoguchiException(MadoguchiException.Kind.CONFLICT, "nobody-waiting", "1");
		}), this.threads);
		CompletableFuture<String> broken = CompletableFuture.supplyAsync(() -> this.writer.write(KONAN, (numbers) -> {
			insert("writer-broken", numbers);
			throw new IllegalStateException("the database went away");
		}), this.threads);
		Thread.sleep(200);
		first.release().countDown();

		assertThat(first.change().get(10, TimeUnit.SECONDS)).isEqualTo("writer-first");
		List<Integer> taken = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			assertThat(others.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("writer-good-" + i);
			taken.add(this.jdbc.sql("SELECT secret FROM app_secret WHERE name = ?")
				.param("writer-good-" + i)
				.query(Integer.class)
				.single());
		}
		// the first change took 1; the others took the next ones, in no set order
		assertThat(taken).containsExactlyInAnyOrder(2, 3, 4, 5);
		assertThat(failure(refused)).isInstanceOf(MadoguchiException.class);
		assertThat(failure(broken)).isInstanceOf(IllegalStateException.class);
		assertThat(this.jdbc.sql("SELECT name FROM app_secret WHERE name LIKE 'writer-%' ORDER BY name")
			.query(String.class)
			.list())
			.containsExactly("writer-first", "writer-good-0", "writer-good-1", "writer-good-2", "writer-good-3");
		assertThat(this.jdbc
			.sql("SELECT last_number FROM queue_day_number WHERE office_id = ? AND queue_id = ?"
					+ " AND business_date = ?")
			.params(KONAN, "W", DAY)
			.query(Integer.class)
			.single()).isEqualTo(5);
	}

	@Test
	void aChangeSeesTheTicketsIssuedBeforeItInItsBatch() throws Exception {
		this.clock.nextWeekday();
		Holding<String> first = holdingTheWriter((numbers) -> "held");
		// one batch, in this order: its tickets are inserted together, yet each change
		// sees the ones before it
		CompletableFuture<Ticket> paper = inTurn(
				() -> this.service.issue(new TicketService.IssueRequest(KONAN, "certificates", Channel.KIOSK, null))
					.ticket());
		CompletableFuture<Ticket> web = inTurn(() -> webTicketOf("phone-in-one-batch"));
		CompletableFuture<Ticket> again = inTurn(() -> webTicketOf("phone-in-one-batch"));
		CompletableFuture<Ticket> called = inTurn(() -> this.service.callNext(KONAN, "1"));
		first.release().countDown();

		assertThat(first.change().get(10, TimeUnit.SECONDS)).isEqualTo("held");
		assertThat(called.get(10, TimeUnit.SECONDS).id()).isEqualTo(paper.get(10, TimeUnit.SECONDS).id());
		assertThat(web.get(10, TimeUnit.SECONDS).state()).isEqualTo(TicketState.ISSUED);
		assertThat(failure(again)).isInstanceOfSatisfying(MadoguchiException.class,
				(refusal) -> assertThat(refusal.code()).isEqualTo("one-open-ticket-per-queue"));
	}

	@Test
	void changesThatComeOneAtATimeRunOnTheirCallersThreadUnlessInATransaction() throws Exception {
		// a batch of several: the first change holds the writer while two more wait
		Holding<Thread> first = holdingTheWriter((numbers) -> Thread.currentThread());
		CompletableFuture<Thread> second = inTurn(this::threadOfAChange);
		CompletableFuture<Thread> third = inTurn(this::threadOfAChange);
		first.release().countDown();
		assertThat(first.change().get(10, TimeUnit.SECONDS)).isNotNull();
		assertThat(second.get(10, TimeUnit.SECONDS).getName()).isEqualTo(WRITER_THREAD);
		assertThat(third.get(10, TimeUnit.SECONDS).getName()).isEqualTo(WRITER_THREAD);

		// after a batch of several the next change still goes through the writer's
		// thread; from then on, alone, each runs on its caller's thread
		assertThat(threadOfAChange().getName()).isEqualTo(WRITER_THREAD);
		assertThat(threadOfAChange()).as("no hand-over to the writer's thread when it is idle")
			.isSameAs(Thread.currentThread());
		// inside a transaction the change would join it: the writer's thread runs it
		assertThat(this.transactions.execute((status) -> threadOfAChange()).getName()).isEqualTo(WRITER_THREAD);
	}

	@Test
	void aChangeThatWaitsForAnotherOfItsOfficeFailsInsteadOfWaitingForever() throws Exception {
		Function<DayNumbers, OfficeWriter.Change<String>> waitingForAnother = (numbers) -> {
			String inner = this.writer.write(KONAN, (again) -> new OfficeWriter.Change<>("inner", List.of()));
			return new OfficeWriter.Change<>(inner, List.of());
		};
		CompletableFuture<String> nested = CompletableFuture
			.supplyAsync(() -> this.writer.write(KONAN, waitingForAnother), this.threads);
		assertThat(failure(nested)).isInstanceOf(IllegalStateException.class);
		// and the writer goes on
		assertThat(threadOfAChange()).isNotNull();
	}

	private Thread threadOfAChange() {
		return this.writer.write(KONAN, (numbers) -> new OfficeWriter.Change<>(Thread.currentThread(), List.of()));
	}

	private Ticket webTicketOf(String phone) {
		return this.service
			.issue(new TicketService.IssueRequest(KONAN, "certificates", Channel.WEB, null, phone, "192.0.2.1"))
			.ticket();
	}

	/**
	 * Starts a change that holds the office's writer until released, so that the changes
	 * after it wait and form one batch; returns once it holds the writer. The change's
	 * result is worked out after its release.
	 */
	private <T> Holding<T> holdingTheWriter(Function<DayNumbers, T> change) throws InterruptedException {
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<T> first = CompletableFuture.supplyAsync(() -> this.writer.write(KONAN, (numbers) -> {
			holding.countDown();
			await(release);
			return new OfficeWriter.Change<>(change.apply(numbers), List.of());
		}), this.threads);
		assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
		return new Holding<>(first, release);
	}

	private record Holding<T>(CompletableFuture<T> change, CountDownLatch release) {
	}

	/** Starts a call and returns once it waits for the writer behind the ones before. */
	private <T> CompletableFuture<T> inTurn(java.util.function.Supplier<T> call) throws InterruptedException {
		int before = this.writer.waiting(KONAN);
		CompletableFuture<T> future = CompletableFuture.supplyAsync(call, this.threads);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.writer.waiting(KONAN) == before && !future.isDone() && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(this.writer.waiting(KONAN)).as("waiting for the writer").isEqualTo(before + 1);
		return future;
	}

	/** Takes the next number of a test queue and stores it under the name. */
	private String insert(String name, DayNumbers numbers) {
		int number = numbers.next("W", DAY);
		this.jdbc.sql("INSERT INTO app_secret (name, secret) VALUES (?, ?)")
			.params(name, String.valueOf(number))
			.update();
		return name;
	}

	private static Throwable failure(CompletableFuture<?> future) throws InterruptedException {
		try {
			future.get(10, TimeUnit.SECONDS);
			throw new AssertionError("expected a failure");
		}
		catch (ExecutionException ex) {
			return ex.getCause();
		}
		catch (java.util.concurrent.TimeoutException ex) {
			throw new AssertionError(ex);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
