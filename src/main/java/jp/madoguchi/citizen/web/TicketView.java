package jp.madoguchi.citizen.web;

import java.util.List;
import java.util.Locale;

import jp.madoguchi.estimate.WaitEstimate;
import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeDefinition.Procedure;
import jp.madoguchi.ticketing.Ticket;
import jp.madoguchi.ticketing.TicketEvent;
import jp.madoguchi.ticketing.TicketQueries.TicketDetails;
import jp.madoguchi.ticketing.TicketState;

/**
 * A ticket as its holder's page shows it: everything already in the reader's language or
 * as message keys with their arguments.
 *
 * @param state the state in lower case ({@code issued}, {@code called}, …)
 * @param comeBy for a called ticket, until when to come; for an absent one, until when to
 * return; for a passed-over one, until when checking in keeps the turn
 * @param history the steps so far, newest first
 * @param announcement what a screen reader says when the page updates itself
 */
record TicketView(Ticket ticket, String number, String state, String queueName, String divisionName,
		String procedureName, String bring, int peopleAhead, WaitEstimate estimate, boolean inLine, boolean checkedIn,
		boolean passedOver, String counter, String calledAt, String comeBy, int callCount, List<Step> history,
		Message announcement) {

	static TicketView of(TicketDetails details, Office office, Locale locale) {
		Ticket t = details.ticket();
		Times times = new Times(office.zone());
		Procedure procedure = office.procedure(t.procedure());
		boolean inLine = t.state() == TicketState.ISSUED || t.state() == TicketState.WAITING;
		boolean passedOver = t.state() == TicketState.ISSUED && t.passedOverAt() != null;
		String comeBy = switch (t.state()) {
			case CALLED -> times.of(t.callDeadline());
			case ABSENT -> times.of(t.absentAt().plusSeconds(office.rules().absentGraceMinutes() * 60L));
			case ISSUED -> passedOver
					? times.of(t.passedOverAt().plusSeconds(office.rules().passedOverGraceMinutes() * 60L)) : null;
			default -> null;
		};
		List<Step> history = details.history()
			.reversed()
			.stream()
			.map((event) -> Step.of(event, office, times, locale))
			.toList();
		return new TicketView(t, t.number(), t.state().name().toLowerCase(Locale.ROOT),
				office.queue(t.queue()).name().in(locale), office.divisionOf(t.queue()).name().in(locale),
				procedure.name().in(locale), (procedure.bring() != null) ? procedure.bring().in(locale) : null,
				details.peopleAhead(), details.estimate(), inLine, t.checkedInAt() != null, passedOver, t.counter(),
				times.of(t.calledAt()), comeBy, t.callCount(), history, announcement(t, details, comeBy));
	}

	/**
	 * The sentence a screen reader hears when the page changes: what changed matters
	 * (called, people ahead), not every refresh.
	 */
	private static Message announcement(Ticket t, TicketDetails details, String comeBy) {
		return switch (t.state()) {
			case ISSUED, WAITING ->
				new Message("announce.in-line", t.number(), details.peopleAhead(), details.estimate().minutes());
			case CALLED -> new Message("announce.called", t.number(), t.counter(), comeBy);
			case SERVING -> new Message("announce.serving", t.number(), t.counter());
			case ABSENT -> new Message("announce.absent", t.number(), comeBy);
			default -> new Message("announce.closed." + t.state().name().toLowerCase(Locale.ROOT), t.number());
		};
	}

	/** A message key and its arguments, resolved by the template. */
	record Message(String key, Object... args) {
	}

	/** One line of the ticket's history. */
	record Step(String time, Message message) {

		static Step of(TicketEvent event, Office office, Times times, Locale locale) {
			String kind = event.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
			Object[] args = switch (event.kind()) {
				case CALLED, RECALLED -> new Object[] { event.counter(), times.of(event.until()) };
				case ABSENT, PASSED_OVER -> new Object[] { times.of(event.until()) };
				case TRANSFERRED -> new Object[] { office.queue(event.queue()).name().in(locale) };
				case STARTED, DONE -> new Object[] { event.counter() };
				default -> new Object[0];
			};
			return new Step(times.of(event.at()), new Message("history." + kind, args));
		}

	}

}
