package jp.madoguchi.ticketing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jp.madoguchi.estimate.HolderBehaviour;
import jp.madoguchi.estimate.ServiceTimes;
import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeCatalog;
import jp.madoguchi.office.OfficeDefinition;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Teaches the estimator from the office's own tickets: how long each procedure takes a
 * counter, from the call to done (from the database at start-up, then from each finished
 * service), whether web holders come at all, and how long people in the office wait
 * before they are called or give up.
 */
@Component
class OfficeLearning {

	private final OfficeCatalog offices;

	private final TicketRepository tickets;

	private final ServiceTimes serviceTimes;

	private final HolderBehaviour behaviour;

	/** Tickets at a counter: since their latest call, the counter is theirs. */
	private final Map<UUID, Instant> counterSince = new ConcurrentHashMap<>();

	private final Map<UUID, Instant> walkInsWaiting = new ConcurrentHashMap<>();

	private final Map<UUID, Boolean> webHoldersAway = new ConcurrentHashMap<>();

	OfficeLearning(OfficeCatalog offices, TicketRepository tickets, ServiceTimes serviceTimes,
			HolderBehaviour behaviour) {
		this.offices = offices;
		this.tickets = tickets;
		this.serviceTimes = serviceTimes;
		this.behaviour = behaviour;
	}

	/**
	 * The estimator starts from the office's own history in the database — the latest
	 * services of each procedure — rather than from the configured minutes, after a
	 * restart as on a new instance. A new office has no history and keeps the configured
	 * minutes.
	 */
	@EventListener(ApplicationStartedEvent.class)
	void learnFromHistory() {
		for (Office office : this.offices.all()) {
			for (OfficeDefinition.Division division : office.divisions()) {
				for (OfficeDefinition.Procedure procedure : division.procedures()) {
					for (Duration served : this.tickets.recentServiceTimes(office.id(), procedure.id(),
							ServiceTimes.WINDOW)) {
						this.serviceTimes.observe(office.id(), procedure.id(), served);
					}
				}
			}
		}
	}

	@EventListener
	void on(TicketEvent event) {
		switch (event.kind()) {
			case ISSUED -> issued(event);
			case CHECKED_IN -> came(event);
			case DONE -> served(event);
			case CALLED -> called(event);
			case RECALLED -> this.counterSince.put(event.ticket(), event.at());
			case CANCELLED -> ended(event, event.from() == TicketState.WAITING);
			case TRANSFERRED -> ended(event, false);
			case EXPIRED -> expired(event);
			default -> {
			}
		}
	}

	private void issued(TicketEvent event) {
		if (event.channel() == Channel.WEB) {
			this.webHoldersAway.put(event.ticket(), Boolean.TRUE);
		}
		else {
			this.walkInsWaiting.put(event.ticket(), event.at());
		}
	}

	private void served(TicketEvent event) {
		Instant calledAt = this.counterSince.remove(event.ticket());
		if (calledAt != null) {
			this.serviceTimes.observe(event.office(), event.procedure(), Duration.between(calledAt, event.at()));
		}
	}

	private void came(TicketEvent event) {
		if (this.webHoldersAway.remove(event.ticket()) != null) {
			this.behaviour.observeWebTicket(event.office(), true);
		}
	}

	/** A web ticket left open at closing: its holder never came. */
	private void expired(TicketEvent event) {
		if (this.webHoldersAway.remove(event.ticket()) != null) {
			this.behaviour.observeWebTicket(event.office(), false);
		}
		ended(event, false);
	}

	/** Someone waiting in the office is called. */
	private void called(TicketEvent event) {
		this.counterSince.put(event.ticket(), event.at());
		Instant waitingSince = this.walkInsWaiting.remove(event.ticket());
		if (waitingSince != null) {
			this.behaviour.observeWait(event.office(), minutesBetween(waitingSince, event.at()), false);
		}
	}

	private void ended(TicketEvent event, boolean gaveUpWaiting) {
		this.counterSince.remove(event.ticket());
		this.webHoldersAway.remove(event.ticket());
		Instant waitingSince = this.walkInsWaiting.remove(event.ticket());
		if (waitingSince != null && gaveUpWaiting) {
			this.behaviour.observeWait(event.office(), minutesBetween(waitingSince, event.at()), true);
		}
	}

	private static double minutesBetween(Instant from, Instant to) {
		return Math.max(0, Duration.between(from, to).toMillis() / 60000.0);
	}

}
