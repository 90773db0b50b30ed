package jp.madoguchi.ticketing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jp.madoguchi.estimate.ServiceTimes;
import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeCatalog;
import jp.madoguchi.office.OfficeDefinition;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Work that follows the clock and the events: expiring tickets left open at closing time,
 * and reporting each finished service's duration to the estimator.
 */
@Component
class TicketHousekeeping {

	private static final Log logger = LogFactory.getLog(TicketHousekeeping.class);

	private final OfficeCatalog offices;

	private final TicketService service;

	private final ServiceTimes serviceTimes;

	private final Map<UUID, Instant> serviceStarts = new ConcurrentHashMap<>();

	private final TicketRepository tickets;

	TicketHousekeeping(OfficeCatalog offices, TicketService service, ServiceTimes serviceTimes,
			TicketRepository tickets) {
		this.tickets = tickets;
		this.offices = offices;
		this.service = service;
		this.serviceTimes = serviceTimes;
	}

	/**
	 * The estimator starts from the office's own history in the database — the latest
	 * services of each queue — rather than from the configured minutes, after a restart
	 * as on a new instance. A new office has no history and keeps the configured minutes.
	 */
	@EventListener(ApplicationStartedEvent.class)
	void learnFromHistory() {
		for (Office office : this.offices.all()) {
			for (OfficeDefinition.Queue queue : office.queues()) {
				for (Duration served : this.tickets.recentServiceTimes(office.id(), queue.id(), ServiceTimes.WINDOW)) {
					this.serviceTimes.observe(office.id(), queue.id(), served);
				}
			}
		}
	}

	@Scheduled(fixedDelayString = "${madoguchi.expiry.interval:PT1M}",
			initialDelayString = "${madoguchi.expiry.interval:PT1M}")
	void expireClosedTickets() {
		for (Office office : this.offices.all()) {
			int expired = this.service.expireClosed(office.id());
			if (expired > 0) {
				logger.info(office.id() + ": " + expired + " tickets expired at closing");
			}
		}
	}

	@EventListener
	void on(TicketEvent event) {
		switch (event.kind()) {
			case STARTED -> this.serviceStarts.put(event.ticket(), event.at());
			case DONE -> {
				Instant started = this.serviceStarts.remove(event.ticket());
				if (started != null) {
					this.serviceTimes.observe(event.office(), event.queue(), Duration.between(started, event.at()));
				}
			}
			case TRANSFERRED, CANCELLED, EXPIRED -> this.serviceStarts.remove(event.ticket());
			default -> {
			}
		}
	}

}
