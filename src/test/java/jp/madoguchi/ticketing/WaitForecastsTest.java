package jp.madoguchi.ticketing;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
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
import jp.madoguchi.office.OfficeDefinition.Procedure;
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
 * that no request queues behind a long simulation. The web-ticket stop at closing time
 * makes do with an estimate of a few minutes ago while it ends long before closing.
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

	@Test
	void farFromClosingTimeTheWebTicketStopMakesDoWithTheEstimateOfAFewMinutesAgo() {
		WebTicketPolicy policy = policy();
		Office konan = this.offices.get(KONAN);
		Procedure certificates = konan.procedure("certificates");
		this.clock.at(LocalTime.of(10, 0));
		assertThat(policy.webRefusal(konan, certificates)).isEmpty();
		assertThat(this.estimates).as("no estimate yet: the line is estimated").hasValue(1);
		kioskTicket("certificates");
		this.clock.advance(Duration.ofMinutes(4));
		assertThat(policy.webRefusal(konan, certificates)).isEmpty();
		assertThat(this.estimates).as("the line has changed, but 4 minutes ago it ended hours before closing")
			.hasValue(1);
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(policy.webRefusal(konan, certificates)).isEmpty();
		assertThat(this.estimates).as("6 minutes old: estimated again").hasValue(2);

		Procedure care = konan.procedure("long-term-care-application");
		this.clock.at(LocalTime.of(15, 0));
		// 30 consultations of about 30 minutes on four counters: hours past closing
		staffTickets("welfare-consultation", 30);
		assertThat(policy.webRefusal(konan, care)).contains("wait-passes-closing");
		assertThat(this.estimates).hasValue(3);
		kioskTicket("long-term-care-application");
		assertThat(policy.webRefusal(konan, care)).contains("wait-passes-closing");
		assertThat(this.estimates).as("the line has changed, but it ended hours after closing").hasValue(3);
	}

	@Test
	void nearClosingTimeEachWebTicketTakesTodaysFigure() {
		WebTicketPolicy policy = policy();
		Office konan = this.offices.get(KONAN);
		Procedure care = konan.procedure("long-term-care-application");
		this.clock.at(LocalTime.of(15, 45));
		// ten consultations of about 30 minutes on four counters: the line ends near
		// 17:00
		staffTickets("welfare-consultation", 10);
		policy.webRefusal(konan, care);
		int minutes = this.forecasts.at(konan, care.queue(), 10).minutes();
		assertThat(minutes).as("the line's end is within the clearance of closing time").isBetween(45, 105);
		assertThat(this.estimates).hasValue(1);
		kioskTicket("long-term-care-application");
		policy.webRefusal(konan, care);
		assertThat(this.estimates).as("estimated again for the changed line").hasValue(2);
	}

	private WebTicketPolicy policy() {
		return new WebTicketPolicy(this.forecasts, this.context.getBean(QueueLoad.class), this.clock);
	}

	private void staffTickets(String procedure, int count) {
		for (int i = 0; i < count; i++) {
			assertThat(staff().post("/api/v1/offices/konan/tickets", Map.of("procedure", procedure, "channel", "staff"))
				.status()).isEqualTo(201);
		}
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
