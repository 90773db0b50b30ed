package jp.madoguchi.ticketing;

import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeCatalog;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Work that follows the clock: expiring tickets left open at closing time.
 */
@Component
class TicketHousekeeping {

	private static final Log logger = LogFactory.getLog(TicketHousekeeping.class);

	private final OfficeCatalog offices;

	private final TicketService service;

	TicketHousekeeping(OfficeCatalog offices, TicketService service) {
		this.offices = offices;
		this.service = service;
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

}
