package jp.madoguchi.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import jp.madoguchi.estimate.HolderBehaviour;
import jp.madoguchi.notify.Contacts.Contact;
import jp.madoguchi.notify.Notifier.NotifierException;
import jp.madoguchi.office.OfficeCatalog;
import jp.madoguchi.shared.web.Ruby;
import jp.madoguchi.ticketing.Channel;
import jp.madoguchi.ticketing.Ticket;
import jp.madoguchi.ticketing.TicketEvent;
import jp.madoguchi.ticketing.TicketQueries;
import jp.madoguchi.ticketing.TicketQueries.TicketDetails;
import jp.madoguchi.ticketing.TicketTokens;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the two notices: "time to leave" when the low end of a holder's estimated wait
 * (its 10th percentile) has come down to their travel time plus a margin — the rule the
 * estimator benchmark measures, under which nine holders in ten arrive before their turn
 * — and "you are called" at each call. The leave check runs every
 * {@code madoguchi.notify.interval}, since time passing changes the estimate as much as
 * the line moving; calls are told as their events arrive. Each notice is claimed in the
 * database first, so several instances send it once.
 */
@Component
class ComeNowNotices {

	private static final Log logger = LogFactory.getLog(ComeNowNotices.class);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

	private final Contacts contacts;

	private final HolderBehaviour behaviour;

	private final TicketQueries tickets;

	private final TicketTokens tokens;

	private final OfficeCatalog offices;

	private final MessageSource messages;

	private final Clock clock;

	private final int marginMinutes;

	private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();

	private final String publicUrl;

	ComeNowNotices(Contacts contacts, TicketQueries tickets, TicketTokens tokens, OfficeCatalog offices,
			HolderBehaviour behaviour, MessageSource messages, Clock clock,
			@Value("${madoguchi.notify.margin-minutes:5}") int marginMinutes,
			@Value("${madoguchi.public-url:http://localhost:8080}") String publicUrl) {
		this.contacts = contacts;
		this.behaviour = behaviour;
		this.tickets = tickets;
		this.tokens = tokens;
		this.offices = offices;
		this.messages = messages;
		this.clock = clock;
		this.marginMinutes = marginMinutes;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	/**
	 * Events are published one after another to every listener: the work is handed off so
	 * that a slow mail relay never holds up the board.
	 */
	@EventListener
	void on(TicketEvent event) {
		if (event.channel() != Channel.WEB) {
			return;
		}
		switch (event.kind()) {
			case CALLED, RECALLED -> this.work.execute(() -> tellCalled(event));
			case CHECKED_IN -> this.work.execute(() -> learnLateness(event));
			case DONE, CANCELLED, EXPIRED -> this.work.execute(() -> this.contacts.erase(event.ticket()));
			default -> {
			}
		}
	}

	@PreDestroy
	void stop() throws InterruptedException {
		this.work.shutdown();
		this.work.awaitTermination(5, TimeUnit.SECONDS);
	}

	/**
	 * How late after their travel time a holder told to come arrived, for the estimate.
	 */
	private void learnLateness(TicketEvent event) {
		this.contacts.toldToCome(event.ticket())
			.ifPresent((told) -> this.behaviour.observeLateness(event.office(),
					Duration.between(told.at(), event.at()).toMillis() / 60000.0 - told.travelMinutes()));
	}

	private void tellCalled(TicketEvent event) {
		Ticket ticket = this.tickets.get(event.ticket());
		for (Contact contact : this.contacts.of(event.ticket())) {
			if (this.contacts.claimCallNotice(contact, ticket.callCount())) {
				send(contact, calledNotice(ticket, contact));
			}
		}
	}

	/**
	 * Tells every holder whose time to leave has come. The notices are claimed here and
	 * sent on threads of their own: a slow relay must not hold up the scheduler, which
	 * runs the other fixed-delay jobs (expiry) on the same thread.
	 */
	@Scheduled(fixedDelayString = "${madoguchi.notify.interval:PT15S}", initialDelayString = "PT5S")
	void tellThoseWhoShouldLeave() {
		this.contacts.eraseStale(LocalDate.now(this.clock));
		for (Contact contact : this.contacts.awaitingLeaveNotice()) {
			TicketDetails details = this.tickets.placeOf(this.tickets.get(contact.ticket()));
			if (details.estimate().low() <= contact.travelMinutes() + this.marginMinutes
					&& this.contacts.claimLeaveNotice(contact, this.clock.instant())) {
				Notice notice = leaveNotice(details, contact);
				this.work.execute(() -> send(contact, notice));
			}
		}
	}

	private void send(Contact contact, Notice notice) {
		try {
			this.contacts.notifier(contact.channel()).send(contact.address(), notice);
		}
		catch (NotifierException ex) {
			// the holder still sees it on the ticket page; a notice is not retried late
			logger.warn("Notice " + notice.kind() + " for ticket " + contact.ticket() + " over " + contact.channel()
					+ " not delivered: " + ex.getMessage());
		}
	}

	private Notice leaveNotice(TicketDetails details, Contact contact) {
		Ticket ticket = details.ticket();
		String title = text("notice.leave.title", contact, ticket.number());
		// "about 0 minutes" reads as a mistake when people are still ahead
		String body = text("notice.leave.body", contact, ticket.number(), details.peopleAhead(),
				Math.max(1, details.estimate().minutes()), officeName(ticket, contact));
		return new Notice(Notice.Kind.LEAVE, title, body, link(ticket.office(), ticket.id()));
	}

	private Notice calledNotice(Ticket ticket, Contact contact) {
		ZoneId zone = this.offices.get(ticket.office()).zone();
		String title = text("notice.called.title", contact, ticket.number(), ticket.counter());
		String body = text("notice.called.body", contact, ticket.number(), ticket.counter(),
				TIME.format(ticket.callDeadline().atZone(zone)), officeName(ticket, contact));
		return new Notice(Notice.Kind.CALLED, title, body, link(ticket.office(), ticket.id()));
	}

	private String officeName(Ticket ticket, Contact contact) {
		return this.offices.get(ticket.office()).name().in(contact.language().locale());
	}

	private String text(String key, Contact contact, Object... args) {
		return Ruby.plain(this.messages.getMessage(key, args, contact.language().locale()));
	}

	private String link(String office, UUID ticket) {
		return this.publicUrl + "/o/" + office + "/tickets/" + ticket + "?k=" + this.tokens.tokenFor(ticket);
	}

}
