package jp.madoguchi.ticketing;

import java.time.Duration;

import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeCatalog;
import jp.madoguchi.office.OfficeDefinition;
import jp.madoguchi.support.AppTest;
import jp.madoguchi.support.H2;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hall's check-in code proves presence: it works now and for one more slot, not from
 * a photo taken an hour ago, not yesterday, and not at another office.
 */
@ContextConfiguration(initializers = H2.class)
class CheckInCodesTest extends AppTest {

	@Autowired
	private CheckInCodes codes;

	@Autowired
	private OfficeCatalog offices;

	@Test
	void aCodeWorksForItsSlotAndTheNextOnlyAtItsOffice() {
		this.clock.nextWeekday();
		Office konan = this.offices.get(KONAN);
		CheckInCodes.Code code = this.codes.current(konan);
		assertThat(code.code()).hasSize(6);
		assertThat(this.codes.isValid(konan, code.code())).isTrue();
		assertThat(this.codes.isValid(konan, code.code().toLowerCase())).as("typed in lower case").isTrue();
		assertThat(this.codes.isValid(otherOffice(konan), code.code())).isFalse();

		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.codes.isValid(konan, code.code())).as("a minute or so after it changed").isTrue();
		this.clock.advance(Duration.ofMinutes(55));
		assertThat(this.codes.isValid(konan, code.code())).as("a photo from an hour ago").isFalse();
		this.clock.nextWeekday();
		assertThat(this.codes.isValid(konan, code.code())).as("yesterday's code").isFalse();
		assertThat(this.codes.isValid(konan, null)).isFalse();
	}

	private static Office otherOffice(Office konan) {
		OfficeDefinition d = konan.definition();
		return new Office(new OfficeDefinition("other-ward", d.name(), d.timeZone(), d.hours(), d.closures(),
				d.webTickets(), d.rules(), d.divisions(), d.counters(), d.hall()));
	}

}
