package jp.madoguchi.office;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The Konan demo office's calendar, read from the definition file that ships. */
class OfficeCalendarTest {

	private static Office konan;

	@BeforeAll
	static void readKonan() throws Exception {
		try (InputStream in = OfficeCalendarTest.class.getResourceAsStream("/offices/konan.yaml")) {
			konan = new Office(YAMLMapper.builder().build().readValue(in, OfficeDefinition.class));
		}
	}

	@Test
	void hasFiveDivisionsWithTheirQueuesProceduresAndCounters() {
		assertThat(konan.divisions()).extracting((d) -> d.name().ja())
			.containsExactly("戸籍課", "保険年金課", "こども家庭支援課", "税務課", "高齢・障害支援課");
		assertThat(konan.procedure("move-in").name().ja()).isEqualTo("転入届");
		assertThat(konan.procedure("family-register-notifications").web()).isFalse();
		assertThat(konan.countersServing("A")).extracting(OfficeDefinition.Counter::id)
			.containsExactly("1", "2", "3", "9");
	}

	@Test
	void opensOnWeekdaysAndOnTheSecondAndFourthSaturdayMorning() {
		assertThat(konan.hoursOn(LocalDate.of(2026, 3, 30))).get()
			.extracting(OfficeDefinition.OpeningHours::open, OfficeDefinition.OpeningHours::close)
			.containsExactly(LocalTime.of(8, 45), LocalTime.of(17, 0));
		assertThat(konan.hoursOn(LocalDate.of(2026, 3, 14))).get() // 2nd Saturday
			.extracting(OfficeDefinition.OpeningHours::close)
			.isEqualTo(LocalTime.of(12, 0));
		assertThat(konan.hoursOn(LocalDate.of(2026, 3, 28))).isPresent(); // 4th Saturday
		assertThat(konan.hoursOn(LocalDate.of(2026, 3, 21))).isEmpty(); // 3rd Saturday
		assertThat(konan.hoursOn(LocalDate.of(2026, 3, 29))).isEmpty(); // Sunday
	}

	@Test
	void isClosedOnHolidaysAndOverTheNewYear() {
		assertThat(konan.hoursOn(LocalDate.of(2026, 3, 20))).isEmpty(); // 春分の日
		assertThat(konan.hoursOn(LocalDate.of(2026, 12, 29))).isEmpty();
		assertThat(konan.hoursOn(LocalDate.of(2027, 1, 4))).isPresent();
		assertThat(konan.hoursOn(LocalDate.of(2026, 12, 28))).isPresent();
	}

	@Test
	void onSaturdaysOnlySomeDivisionsAndProceduresAreHandled() {
		LocalDate saturday = LocalDate.of(2026, 3, 14);
		assertThat(konan.handlesOn(konan.procedure("move-in"), saturday)).isTrue();
		assertThat(konan.handlesOn(konan.procedure("health-insurance"), saturday)).isTrue();
		assertThat(konan.handlesOn(konan.procedure("child-allowance"), saturday)).isTrue();
		assertThat(konan.handlesOn(konan.procedure("maternal-handbook"), saturday)).isFalse();
		assertThat(konan.handlesOn(konan.procedure("tax-certificate"), saturday)).isFalse();
		assertThat(konan.queueOpenOn("E", saturday)).isFalse();
		assertThat(konan.webTicketsUntil(saturday)).contains(LocalTime.of(11, 30));
		assertThat(konan.webTicketsUntil(LocalDate.of(2026, 3, 30))).contains(LocalTime.of(16, 0));
	}

	@Test
	void refusesADefinitionWhoseCounterServesAnUnknownQueue() {
		OfficeDefinition definition = konan.definition();
		OfficeDefinition broken = new OfficeDefinition(definition.id(), definition.name(), definition.timeZone(),
				definition.hours(), definition.closures(), definition.webTickets(), definition.rules(),
				definition.divisions(),
				java.util.List.of(new OfficeDefinition.Counter("99", null, java.util.List.of("Z"))), definition.hall());
		assertThatIllegalArgumentException().isThrownBy(() -> new Office(broken)).withMessageContaining("counter 99");
	}

}
