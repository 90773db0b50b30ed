package jp.madoguchi.estimate;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live estimate on lines of Konan's queue B (転入・転出…, counters 4–8 and half of 9):
 * what each input of the line changes.
 */
class LearnedWaitEstimatorTest {

	private static Office konan;

	private final ServiceTimes serviceTimes = new ServiceTimes();

	private final HolderBehaviour behaviour = new HolderBehaviour();

	private final Set<String> away = new HashSet<>();

	private static final Instant NOW = Instant.parse("2031-06-11T01:00:00Z");

	private final Map<UUID, TravelNotices.Told> told = new HashMap<>();

	private final LearnedWaitEstimator estimator = estimator(this.serviceTimes, this.behaviour, this.away, this.told);

	@BeforeAll
	static void readKonan() throws Exception {
		try (InputStream in = LearnedWaitEstimatorTest.class.getResourceAsStream("/offices/konan.yaml")) {
			konan = new Office(YAMLMapper.builder().build().readValue(in, OfficeDefinition.class));
		}
	}

	@Test
	void eachTicketCountsWithItsOwnProcedure() {
		int moveIns = wait(line(20, "move-in", true));
		int moveOuts = wait(line(20, "move-out", true));
		// 25 against 10 minutes a service: about two and a half times the wait
		assertThat((double) moveIns / moveOuts).isBetween(2.0, 3.0);
	}

	@Test
	void theWaitGrowsWithThePlaceAndTheRangeHoldsIt() {
		LineEstimate estimate = this.estimator.estimate(konan, line(30, "move-out", true));
		// every counter is busy: even the first in line waits a little
		assertThat(estimate.at(0).minutes()).isPositive();
		for (int ahead = 1; ahead <= 40; ahead++) {
			WaitEstimate at = estimate.at(ahead);
			assertThat(at.minutes()).as("%d ahead", ahead).isGreaterThanOrEqualTo(estimate.at(ahead - 1).minutes());
			assertThat(at.low()).isLessThanOrEqualTo(at.minutes());
			assertThat(at.high()).isGreaterThanOrEqualTo(at.minutes());
		}
		// beyond the line read: extrapolated from its end, never a drop
		assertThat(estimate.at(40).minutes()).isGreaterThan(estimate.at(30).minutes());
	}

	@Test
	void webHoldersNotHereCountByTheShareThatCameLately() {
		int present = wait(line(20, "move-out", true));
		int notHereYet = wait(line(20, "move-out", false));
		assertThat(notHereYet).isLessThan(present);
		for (int i = 0; i < 200; i++) {
			this.behaviour.observeWebTicket(konan.id(), i % 2 == 0);
		}
		assertThat(this.behaviour.webPresence(konan.id())).isBetween(0.5, 0.55);
		assertThat(wait(line(20, "move-out", false))).isLessThan(notHereYet);
	}

	@Test
	void webHoldersToldToComeAreExpectedAfterTheirTravelAndTheLongOverdueHardlyCount() {
		Line line = line(20, "move-out", false);
		tellAll(line, NOW.minus(Duration.ofMinutes(14)), 15);
		int hereSoon = wait(line);
		// here only after their turns: passed over, and back after the newcomer's call
		tellAll(line, NOW.minus(Duration.ofMinutes(2)), 60);
		int hereLate = wait(line);
		tellAll(line, NOW.minus(Duration.ofMinutes(120)), 15);
		int longOverdue = wait(line);
		assertThat(hereLate).isLessThan(hereSoon);
		assertThat(longOverdue).isLessThan(hereSoon);
		// those who came lately were this late after their travel time
		for (int i = 0; i < 100; i++) {
			this.behaviour.observeLateness(konan.id(), 4 + (i % 3));
		}
		assertThat(this.behaviour.lateMinutes(konan.id())).isBetween(4.0, 5.0);
		assertThat(this.behaviour.lateSpread(konan.id())).isBetween(0.5, 3.0);
	}

	private void tellAll(Line line, Instant at, int travelMinutes) {
		line.places().forEach((place) -> this.told.put(place.ticket(), new TravelNotices.Told(at, travelMinutes)));
	}

	@Test
	void peopleInTheOfficeMayGiveUp() {
		int patient = wait(line(20, "move-out", true, false));
		for (int i = 0; i < 50; i++) {
			this.behaviour.observeWait(konan.id(), 30, i % 5 == 0);
		}
		assertThat(this.behaviour.giveUpPerMinute(konan.id())).isGreaterThan(0);
		assertThat(wait(line(20, "move-out", true, false))).isLessThan(patient);
	}

	@Test
	void serviceTimesLearnedFromTheOfficeReplaceTheConfiguredMinutes() {
		int configured = wait(line(20, "move-out", true));
		for (int i = 0; i < ServiceTimes.WINDOW; i++) {
			this.serviceTimes.observe(konan.id(), "move-out", Duration.ofMinutes(20));
		}
		// 20 services of 20 minutes and the configured 10 at a weight of 3: 18.7
		assertThat(this.serviceTimes.procedureMinutes(konan.id(), "move-out", 10)).isBetween(18.6, 18.8);
		// about 1.9 times the work; the calibration differs a little between sizes of
		// wait
		assertThat((double) wait(line(20, "move-out", true)) / configured).isBetween(1.6, 2.5);
	}

	@Test
	void countersOnABreakSlowTheLineAndAllAwayCountAsBack() {
		int open = wait(line(20, "move-out", true));
		this.away.addAll(List.of("4", "5", "6"));
		// 2.5 counters instead of 5.5
		assertThat((double) wait(line(20, "move-out", true)) / open).isBetween(1.8, 2.6);
		this.away.addAll(List.of("7", "8", "9"));
		assertThat(wait(line(20, "move-out", true))).isEqualTo(open);
	}

	@Test
	void servicesUnderWayAreCountedByWhatIsLeftOfThem() {
		Line justStarted = new Line("B", places(12, "move-in", true), busy("move-in", 1));
		Line nearlyDone = new Line("B", places(12, "move-in", true), busy("move-in", 20));
		assertThat(newcomer(nearlyDone)).isLessThan(newcomer(justStarted));
	}

	@Test
	void nobodyWaitsAtAFreeCounter() {
		assertThat(this.estimator.estimate(konan, new Line("B", places(2, "move-in", true), List.of())).at(2))
			.isEqualTo(WaitEstimate.NONE);
	}

	/**
	 * The bound lets a web ticket skip the estimate far from closing time, so it must
	 * hold for every line: random lines of every queue, holders here or not, told to come
	 * or not, counters away, learned service times and behaviour, services under way
	 * since up to an hour before opening.
	 */
	@Test
	void theCeilingBoundsTheEstimateOfEveryPlace() {
		SplittableRandom random = new SplittableRandom(5);
		List<OfficeDefinition.Counter> counters = konan.counters();
		for (int round = 0; round < 300; round++) {
			OfficeDefinition.Queue queue = konan.queues().get(random.nextInt(konan.queues().size()));
			List<OfficeDefinition.Procedure> procedures = konan.proceduresOf(queue.id());
			for (OfficeDefinition.Procedure procedure : procedures) {
				if (random.nextInt(3) == 0) {
					this.serviceTimes.observe(konan.id(), procedure.id(),
							Duration.ofSeconds(30 + random.nextInt(60 * procedure.minutes() * 3)));
				}
			}
			this.behaviour.observeWebTicket(konan.id(), random.nextBoolean());
			this.behaviour.observeWait(konan.id(), random.nextInt(90), random.nextInt(4) == 0);
			this.away.clear();
			counters.stream().filter((c) -> random.nextInt(4) == 0).forEach((c) -> this.away.add(c.id()));
			this.told.clear();
			List<Line.Place> places = new ArrayList<>();
			for (int i = random.nextInt(random.nextBoolean() ? 10 : 150); i > 0; i--) {
				Line.Place place = new Line.Place(procedures.get(random.nextInt(procedures.size())).id(),
						random.nextBoolean(), random.nextBoolean(), UUID.randomUUID());
				if (random.nextInt(3) == 0) {
					this.told.put(place.ticket(), new TravelNotices.Told(
							NOW.minus(Duration.ofMinutes(random.nextInt(90))), 5 + random.nextInt(60)));
				}
				places.add(place);
			}
			List<Line.AtCounter> inService = new ArrayList<>();
			for (int i = random.nextInt(8); i > 0; i--) {
				// called at 7:45 at the earliest, an hour before Konan opens: up to
				// 135 minutes before NOW (10:00)
				inService.add(new Line.AtCounter(procedures.get(random.nextInt(procedures.size())).id(),
						Duration.ofSeconds(random.nextInt(135 * 60))));
			}
			LineEstimate estimate = this.estimator.estimate(konan, new Line(queue.id(), places, inService));
			for (int ahead = 0; ahead <= places.size() + 5; ahead++) {
				assertThat((double) estimate.at(ahead).minutes())
					.as("queue %s, %d ahead of %d, %d under way", queue.id(), ahead, places.size(), inService.size())
					.isLessThanOrEqualTo(this.estimator.ceiling(konan, queue.id(), ahead) + 0.5);
			}
		}
		// and it is of use: at 10:00, ten people ahead at 転入・転出 end well before 17:00
		this.away.clear();
		assertThat(this.estimator.ceiling(konan, "B", 10)).isLessThan(7 * 60);
	}

	private int wait(Line line) {
		return newcomer(line);
	}

	private int newcomer(Line line) {
		return this.estimator.estimate(konan, line).at(line.places().size()).minutes();
	}

	/**
	 * A line of tickets of one procedure, with every counter busy with one more since a
	 * minute.
	 */
	private static Line line(int length, String procedure, boolean present) {
		return line(length, procedure, present, true);
	}

	private static Line line(int length, String procedure, boolean present, boolean web) {
		List<Line.Place> places = new ArrayList<>();
		for (int i = 0; i < length; i++) {
			places.add(new Line.Place(procedure, present, web, UUID.randomUUID()));
		}
		return new Line("B", places, busy(procedure, 1));
	}

	/** Six tickets of a procedure at the counters, there for this many minutes. */
	private static List<Line.AtCounter> busy(String procedure, int minutes) {
		return Collections.nCopies(6, new Line.AtCounter(procedure, Duration.ofMinutes(minutes)));
	}

	private static List<Line.Place> places(int length, String procedure, boolean present) {
		return line(length, procedure, present).places();
	}

	private static LearnedWaitEstimator estimator(ServiceTimes serviceTimes, HolderBehaviour behaviour,
			Set<String> away, Map<UUID, TravelNotices.Told> told) {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("counters", (CounterAvailability) (office) -> away);
		beans.registerSingleton("notices", (TravelNotices) (office) -> told);
		return new LearnedWaitEstimator(serviceTimes, behaviour, beans.getBeanProvider(CounterAvailability.class),
				beans.getBeanProvider(TravelNotices.class), Clock.fixed(NOW, ZoneId.of("Asia/Tokyo")));
	}

}
