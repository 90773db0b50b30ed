package jp.madoguchi.simulation;

import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.estimate.predict.MadoguchiPredictor;
import jp.madoguchi.estimate.predict.MadoguchiPredictor.Calibration;
import jp.madoguchi.estimate.predict.Predictor;
import jp.madoguchi.estimate.predict.Predictors;
import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A simulated day on the real engine: drawn the same from the same seed, played through
 * the engine's rules, every estimate scored, the web holders brought in by the notice
 * estimate.
 */
class SimulatedDayTest {

	private static ConfigurableApplicationContext app;

	private static SimulatedDays days;

	private static Office office;

	@BeforeAll
	static void start() {
		app = SimulationApp.start("classpath:offices/konan.yaml");
		office = app.getBean(OfficeCatalog.class).get("konan");
		days = SimulationApp.days(app, office);
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void theDaysRunOnADatabaseOfTheirOwnInMemory() throws java.sql.SQLException {
		try (java.sql.Connection connection = app.getBean(javax.sql.DataSource.class).getConnection()) {
			assertThat(connection.getMetaData().getURL()).startsWith("jdbc:h2:mem:simulation-");
		}
	}

	@Test
	void theSameSeedDrawsTheSameDayAndAnotherSeedAnotherOne() {
		java.time.LocalDate wednesday = java.time.LocalDate.of(2031, 6, 11);
		DayPlan one = DayPlan.draw(office, wednesday, Scenario.WEEKDAY, 7, 0.3);
		DayPlan again = DayPlan.draw(office, wednesday, Scenario.WEEKDAY, 7, 0.3);
		DayPlan other = DayPlan.draw(office, wednesday, Scenario.WEEKDAY, 8, 0.3);
		assertThat(again.people).isEqualTo(one.people);
		assertThat(other.people).isNotEqualTo(one.people);
		assertThat(one.people.size()).as("a Konan weekday").isBetween(250, 900);
		assertThat(one.people.stream().filter(DayPlan.Person::web).count()).isPositive();
		// the moving season brings several times the moving procedures
		long moving = DayPlan.draw(office, java.time.LocalDate.of(2031, 3, 27), Scenario.MOVING_SEASON, 7, 0.3).people
			.stream()
			.filter((p) -> DayPlan.isMoving(p.procedure()))
			.count();
		long ordinary = one.people.stream().filter((p) -> DayPlan.isMoving(p.procedure())).count();
		assertThat(moving).isGreaterThan(2 * ordinary);
	}

	@Test
	void theDayAfterAWeekdayHolidayBringsMorePeople() {
		java.time.LocalDate after = java.time.LocalDate.of(2031, 6, 1);
		while (DayPlan.afterHoliday(office, after) == 1.0 || office.hoursOn(after).isEmpty()
				|| DayPlan.afterHoliday(office, after.plusDays(7)) != 1.0
				|| office.hoursOn(after.plusDays(7)).isEmpty()) {
			after = after.plusDays(1);
		}
		int busy = 0;
		int ordinary = 0;
		for (long seed = 1; seed <= 5; seed++) {
			busy += DayPlan.draw(office, after, Scenario.WEEKDAY, seed, 0.3).people.size();
			ordinary += DayPlan.draw(office, after.plusDays(7), Scenario.WEEKDAY, seed, 0.3).people.size();
		}
		assertThat((double) busy / ordinary).as("%s against a week later", after).isBetween(1.3, 1.5);
	}

	@Test
	void aDayOnTheEngineScoresEveryEstimateAndBringsWebHoldersIn() {
		List<Predictor> predictors = new ArrayList<>(Predictors.baselines());
		MadoguchiPredictor madoguchi = new MadoguchiPredictor(Calibration.none());
		predictors.add(madoguchi);
		predictors.add(new MonteCarloReference());
		DaySimulator.Knowledge knowledge = days.learn(Scenario.WEEKDAY, 1_000_000, 1, 0.3);
		assertThat(knowledge.serviceMinutes().get("certificates")).as("learned from the served").isBetween(3.0, 8.0);
		List<DayOutcome> outcomes = days.score(Scenario.WEEKDAY, 1, 1, 0.3, knowledge, predictors, madoguchi,
				(done) -> {
				});
		DayOutcome day = outcomes.get(0);
		assertThat(day.scores[0].all).as("estimates scored").isGreaterThan(1000);
		for (DayOutcome.Score score : day.scores) {
			assertThat(score.all).isEqualTo(day.scores[0].all);
			assertThat(score.issue).isPositive();
		}
		assertThat(day.webTurns).isNotEmpty();
		assertThat(day.webTurns.stream().filter((t) -> t[0] == 1).count()).as("web holders present at their turn")
			.isPositive();
		assertThat(day.walkInWaits).isNotEmpty();
		assertThat(day.webInOfficeWaits).isNotEmpty();
	}

	@Test
	void theNoticesCanBeDrivenFromTheTrueStateOrWithNothingScored() {
		DaySimulator.Knowledge knowledge = days.learn(Scenario.WEEKDAY, 1_000_000, 1, 0.3);
		MadoguchiPredictor madoguchi = new MadoguchiPredictor(Calibration.none());
		MonteCarloReference reference = new MonteCarloReference();
		DayOutcome fromTruth = days
			.score(Scenario.WEEKDAY, 2, 1, 0.3, knowledge, List.of(madoguchi, reference), reference, (done) -> {
			})
			.get(0);
		DayOutcome unscored = days.score(Scenario.WEEKDAY, 2, 1, 0.3, knowledge, List.of(), madoguchi, (done) -> {
		}).get(0);
		for (DayOutcome day : List.of(fromTruth, unscored)) {
			assertThat(day.webTurns.stream().filter((t) -> t[0] == 1).count()).as("web holders present at their turn")
				.isPositive();
			assertThat(day.webTurns.stream().filter((t) -> t[2] == 1 && t[0] == 1).count())
				.as("no-shows never present, whoever tells them to come")
				.isZero();
		}
		assertThat(fromTruth.scores[0].all).isPositive();
		assertThat(unscored.scores).isEmpty();
	}

}
