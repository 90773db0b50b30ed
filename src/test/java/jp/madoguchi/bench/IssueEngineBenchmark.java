package jp.madoguchi.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jp.madoguchi.support.AppTest;
import jp.madoguchi.ticketing.Channel;
import jp.madoguchi.ticketing.TicketService;
import jp.madoguchi.ticketing.TicketService.IssueRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ticket engine alone: kiosk tickets issued through {@link TicketService} by 16, then
 * 64 threads at once, with no HTTP in front, so that what the office's writer costs per
 * ticket (its statements and round trips) is not drowned by the web stack and the load
 * generator sharing the cores. Three rounds of 12,000 tickets per thread count, each on a
 * business day of its own; the first round warms the JIT up.
 *
 * <pre>
 * ./mvnw test -Dtest='IssueEngine*Benchmark'
 * </pre>
 */
abstract class IssueEngineBenchmark extends AppTest {

	private static final int TICKETS = 12_000;

	private static final List<String> PROCEDURES = List.of("certificates", "move-in", "health-insurance",
			"child-allowance", "tax-certificate", "long-term-care-application");

	@Autowired
	private TicketService service;

	@Test
	void issues() throws InterruptedException, ExecutionException {
		for (int threads : List.of(16, 64)) {
			for (int round = 1; round <= 3; round++) {
				this.clock.nextWeekday();
				long started = System.nanoTime();
				issue(threads);
				double seconds = (System.nanoTime() - started) / 1e9;
				System.out.printf("%s, %d threads, round %d: %,.0f tickets/s%n", getClass().getSimpleName(), threads,
						round, TICKETS / seconds);
			}
		}
	}

	/** Issues the round's tickets; a failed issue fails the benchmark, not its figure. */
	private void issue(int threads) throws InterruptedException, ExecutionException {
		AtomicInteger next = new AtomicInteger();
		List<Future<?>> issuers = new ArrayList<>();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int t = 0; t < threads; t++) {
				issuers.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < TICKETS; i = next.getAndIncrement()) {
						this.service
							.issue(new IssueRequest(KONAN, PROCEDURES.get(i % PROCEDURES.size()), Channel.KIOSK, null));
					}
					return null;
				}));
			}
			for (Future<?> issuer : issuers) {
				issuer.get();
			}
		}
	}

}
