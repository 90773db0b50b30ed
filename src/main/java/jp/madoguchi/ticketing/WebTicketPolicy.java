package jp.madoguchi.ticketing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeDefinition.OpeningHours;
import jp.madoguchi.office.OfficeDefinition.Procedure;

import org.springframework.stereotype.Component;

/**
 * When tickets may be taken. Web tickets: on days the procedure is handled, from opening
 * until the web window closes, and only while the projected wait ends before closing
 * time. Paper and staff tickets: on days the procedure is handled, until closing time.
 */
@Component
public class WebTicketPolicy {

	private final WaitForecasts forecasts;

	private final QueueLoad load;

	private final Clock clock;

	WebTicketPolicy(WaitForecasts forecasts, QueueLoad load, Clock clock) {
		this.forecasts = forecasts;
		this.load = load;
		this.clock = clock;
	}

	/** Why a web ticket for this procedure cannot be taken now, if it cannot. */
	public Optional<String> webRefusal(Office office, Procedure procedure) {
		if (Boolean.FALSE.equals(procedure.web())) {
			return Optional.of("web-not-offered");
		}
		return inPersonRefusal(office, procedure).or(() -> windowRefusal(office, procedure));
	}

	/**
	 * Why no web ticket for any procedure of this queue can be taken now, if none can.
	 */
	public Optional<String> queueWebRefusal(Office office, String queue) {
		Optional<String> best = Optional.of("web-not-offered");
		for (Procedure procedure : office.proceduresOf(queue)) {
			Optional<String> refusal = webRefusal(office, procedure);
			if (refusal.isEmpty()) {
				return refusal;
			}
			if (best.get().equals("web-not-offered")) {
				best = refusal;
			}
		}
		return best;
	}

	/**
	 * Why a kiosk or staff ticket for this procedure cannot be taken now, if it cannot.
	 */
	public Optional<String> inPersonRefusal(Office office, Procedure procedure) {
		ZonedDateTime now = now(office);
		Optional<OpeningHours> hours = office.hoursOn(now.toLocalDate());
		if (hours.isEmpty()) {
			return Optional.of("office-closed-today");
		}
		if (!office.handlesOn(procedure, now.toLocalDate())) {
			return Optional.of("procedure-closed-today");
		}
		if (!now.toLocalTime().isBefore(hours.get().close())) {
			return Optional.of("office-closed-now");
		}
		return Optional.empty();
	}

	private Optional<String> windowRefusal(Office office, Procedure procedure) {
		String queue = procedure.queue();
		ZonedDateTime now = now(office);
		LocalDate today = now.toLocalDate();
		LocalTime time = now.toLocalTime();
		OpeningHours hours = office.hoursOn(today).orElseThrow();
		if (time.isBefore(hours.open())) {
			return Optional.of("web-not-yet-open");
		}
		if (!time.isBefore(office.webTicketsUntil(procedure, today).orElseThrow())) {
			return Optional.of("web-window-over");
		}
		int inLine = this.load.peopleInLine(office.id(), queue);
		Instant closing = today.atTime(hours.close()).atZone(office.zone()).toInstant();
		if (this.forecasts.surelyWithin(office, queue, inLine,
				Duration.between(now.toInstant(), closing).toMinutes())) {
			// far from closing time: no need to estimate the line
			return Optional.empty();
		}
		int minutes = this.forecasts.at(office, queue, inLine).minutes();
		if (now.toInstant().plusSeconds(minutes * 60L).isAfter(closing)) {
			return Optional.of("wait-passes-closing");
		}
		return Optional.empty();
	}

	private ZonedDateTime now(Office office) {
		return ZonedDateTime.now(this.clock.withZone(office.zone()));
	}

}
