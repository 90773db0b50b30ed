package jp.madoguchi.ticketing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.support.AppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads at once against the real database: numbers stay unique and in issue order,
 * two counters never get the same ticket, and a retried issue returns the same ticket.
 */
abstract class ConcurrencyTests extends AppTest {

	private static final int THREADS = 16;

	@Autowired
	private TicketService service;

	@Autowired
	private TicketQueries queries;

	@BeforeEach
	void newBusinessDay() {
		this.clock.nextWeekday();
	}

	@Test
	void numbersAreUniqueAndIncreaseInIssueOrderPerQueue() throws Exception {
		long before = this.queries.lastEvent(KONAN);
		List<String> procedures = List.of("certificates", "move-in", "health-insurance");
		List<Ticket> issued = inParallel(600,
				(i) -> this.service
					.issue(new TicketService.IssueRequest(KONAN, procedures.get(i % 3), Channel.KIOSK, null))
					.ticket());

		Map<String, List<Integer>> numbersByQueue = issued.stream()
			.collect(Collectors.groupingBy(Ticket::queue, Collectors.mapping(Ticket::seq, Collectors.toList())));
		numbersByQueue.values().forEach((numbers) -> {
			Collections.sort(numbers);
			assertThat(numbers).as("no gap, no duplicate")
				.isEqualTo(java.util.stream.IntStream.rangeClosed(1, numbers.size()).boxed().toList());
		});
		// in the journal's (commit) order, each queue's numbers only go up
		Map<String, Integer> last = new java.util.HashMap<>();
		for (TicketEvent event : this.queries.eventsAfter(KONAN, before, 10_000)) {
			if (event.kind() == TicketEvent.Kind.ISSUED) {
				int number = Integer.parseInt(event.number().substring(2));
				assertThat(number).isGreaterThan(last.getOrDefault(event.queue(), 0));
				last.put(event.queue(), number);
			}
		}
		assertThat(last.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(600);
	}

	@Test
	void countersCallingAtTheSameMomentNeverGetTheSameTicket() throws Exception {
		int tickets = 120;
		for (int i = 0; i < tickets; i++) {
			this.service.issue(new TicketService.IssueRequest(KONAN, "certificates", Channel.KIOSK, null));
		}
		Set<String> called = ConcurrentHashMap.newKeySet();
		List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
		List<String> counters = List.of("1", "2", "3", "9");
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService pool = Executors.newFixedThreadPool(counters.size())) {
			List<Future<?>> done = new ArrayList<>();
			for (String counter : counters) {
				done.add(pool.submit(() -> {
					start.await();
					while (true) {
						Ticket ticket;
						try {
							ticket = this.service.callNext(KONAN, counter);
						}
						catch (MadoguchiException ex) {
							assertThat(ex.code()).isEqualTo("nobody-waiting");
							return null;
						}
						if (!called.add(ticket.number())) {
							duplicates.add(ticket.number());
						}
						this.service.start(KONAN, counter);
						this.service.done(KONAN, counter);
					}
				}));
			}
			start.countDown();
			for (Future<?> future : done) {
				future.get();
			}
		}
		assertThat(duplicates).isEmpty();
		assertThat(called).hasSize(tickets);
	}

	@Test
	void retriesWithTheSameIdempotencyKeyReturnOneTicket() throws Exception {
		String key = UUID.randomUUID().toString();
		List<TicketService.IssuedTicket> answers = inParallel(THREADS,
				(i) -> this.service.issue(new TicketService.IssueRequest(KONAN, "move-out", Channel.WEB, key)));
		assertThat(answers.stream().map((a) -> a.ticket().id()).distinct()).hasSize(1);
		assertThat(answers.stream().filter((a) -> !a.replayed())).hasSize(1);
	}

	private static <T> List<T> inParallel(int count, IndexedTask<T> task) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				futures.add(pool.submit((Callable<T>) () -> {
					start.await();
					return task.run(index);
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
	}

	@FunctionalInterface
	interface IndexedTask<T> {

		T run(int index) throws Exception;

	}

}
