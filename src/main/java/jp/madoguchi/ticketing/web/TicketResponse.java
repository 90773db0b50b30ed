package jp.madoguchi.ticketing.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.madoguchi.estimate.WaitEstimate;
import jp.madoguchi.ticketing.Channel;
import jp.madoguchi.ticketing.Ticket;
import jp.madoguchi.ticketing.TicketEvent;
import jp.madoguchi.ticketing.TicketQueries.TicketDetails;

/**
 * A ticket as its holder (or staff) sees it.
 *
 * @param token the holder's access token; present only in the answer that issued the
 * ticket
 * @param call the current call, while the ticket is called
 * @param history every step so far, oldest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TicketResponse(UUID id, String office, LocalDate businessDate, String number, String queue, String procedure,
		Channel channel, String state, boolean checkedIn, int peopleAhead, WaitEstimate estimate, Call call,
		String note, List<Step> history, String token) {

	static TicketResponse of(TicketDetails details, String token) {
		Ticket t = details.ticket();
		Call call = (t.calledAt() != null && t.state().name().equals("CALLED"))
				? new Call(t.counter(), t.calledAt(), t.callDeadline(), t.callCount()) : null;
		return new TicketResponse(t.id(), t.office(), t.businessDate(), t.number(), t.queue(), t.procedure(),
				t.channel(), lower(t.state().name()), t.checkedInAt() != null, details.peopleAhead(),
				details.estimate(), call, t.note(), details.history().stream().map(Step::of).toList(), token);
	}

	static String lower(String name) {
		return name.toLowerCase(Locale.ROOT).replace('_', '-');
	}

	record Call(String counter, Instant calledAt, Instant comeBy, int times) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Step(String step, Instant at, String state, String queue, String counter, Instant until) {

		static Step of(TicketEvent event) {
			return new Step(lower(event.kind().name()), event.at(), lower(event.state().name()), event.queue(),
					event.counter(), event.until());
		}

	}

}
