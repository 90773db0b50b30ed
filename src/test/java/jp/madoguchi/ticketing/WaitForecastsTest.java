package jp.madoguchi.ticketing;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jp.madoguchi.estimate.WaitEstimate;
import jp.madoguchi.estimate.WaitEstimator;
import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeCatalog;
import jp.madoguchi.support.AppTest;
import jp.madoguchi.support.H2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A line is estimated by one request at a time: while it runs, the others answer with the
 * estimate of a moment ago — for a long line also when the minute has just turned, so
 * that no request queues behind a long simulation.
 */
@ContextConfiguration(initializers = H2.class)
class WaitForecastsTest extends AppTest {

	@Autowired
	private TicketRepository tickets;

	@Autowired
	private WaitEstimator estimator;

	@Autowired
	private OfficeCatalog offices;

	@Autowired
	private ApplicationContext context;

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	/**
	 * Estimates as the application does, counting them; held while {@link #hold} is set.
	 */
	private final AtomicInteger estimates = new AtomicInteger();

	private final AtomicReference<CountDownLatch> hold = new AtomicReference<>();

	private final CountDownLatch estimating = new CountDownLatch(1);

	private WaitForecasts forecasts;

	@BeforeEach
	void newBusinessDay() {
		this.clock.nextWeekday();
		WaitEstimator counted = (office, line) -> {
			this.estimates.incrementAndGet();
			CountDownLatch held = this.hold.get();
			if (held != null) {
				this.estimating.countDown();
				await(held);
			}
			return this.estimator.estimate(office, line);
		};
		this.forecasts = new WaitForecasts(this.tickets, counted, this.clock,
				this.context.getBeanProvider(QueueLoad.class));
	}

	@AfterEach
	void release() {
		CountDownLatch held = this.hold.getAndSet(null);
		if (held != null) {
			held.countDown();
		}
		this.threads.shutdownNow();
	}

	@Test
	void whileALongLineIsEstimatedTheOthersUseTheEstimateOfAMomentAgoEvenAsTheMinuteTurns() throws Exception {
		Office konan = this.offices.get(KONAN);
		String queue = konan.procedure("certificates").queue();
		for (int i = 0; i <= WaitForecasts.LONG_LINE; i++) {
			kioskTicket("certificates");
		}
		WaitEstimate before = this.forecasts.at(konan, queue, 40);
		assertThat(this.estimates).hasValue(1);
		assertThat(this.forecasts.at(konan, queue, 40)).as("nothing changed: the same estimate").isEqualTo(before);
		assertThat(this.estimates).hasValue(1);

		this.clock.advance(Duration.ofMinutes(1));
		CountDownLatch held = new CountDownLatch(1);
		this.hold.set(held);
		CompletableFuture<WaitEstimate> first = CompletableFuture.supplyAsync(() -> this.forecasts.at(konan, queue, 40),
				this.threads);
		assertThat(this.estimating.await(10, TimeUnit.SECONDS)).as("the first request estimates the line").isTrue();
		// were it to wait for the first, this would not return until released below
		WaitEstimate meanwhile = CompletableFuture.supplyAsync(() -> this.forecasts.at(konan, queue, 40), this.threads)
			.get(10, TimeUnit.SECONDS);
		assertThat(meanwhile).isEqualTo(before);
		assertThat(first).isNotDone();

		held.countDown();
		this.hold.set(null);
		assertThat(first.get(10, TimeUnit.SECONDS)).isNotNull();
		assertThat(this.estimates).as("one estimate for the new minute").hasValue(2);
		assertThat(this.forecasts.at(konan, queue, 40)).isEqualTo(first.get());
		assertThat(this.estimates).hasValue(2);
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("never released");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
