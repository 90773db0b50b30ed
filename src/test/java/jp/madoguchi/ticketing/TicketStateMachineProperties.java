package jp.madoguchi.ticketing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.office.OfficeDefinition.Rules;
import jp.madoguchi.shared.MadoguchiException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ticket's state machine against an independent table of the ticket life: any
 * sequence of steps either moves the ticket as the table says, recording exactly one
 * event from the old state to the new one, or is refused and changes nothing at all.
 */
class TicketStateMachineProperties {

	private static final Rules RULES = new Rules(10, 30, 30, 5);

	private static final Instant NINE = Instant.parse("2027-02-01T00:00:00Z");

	enum Step {

		CHECK_IN, PASS_OVER, CALL, RECALL, ABSENT, START, DONE, TRANSFER, CANCEL, EXPIRE

	}

	record Action(Step step, String counter, String queue, int minutesLater) {
	}

	@Property(tries = 500)
	void everyStepFollowsTheTicketLifeOrChangesNothing(@ForAll Channel channel,
			@ForAll("actions") List<Action> actions) {
		Instant now = NINE;
		Ticket ticket = Ticket.issue(UUID.randomUUID(), "konan", LocalDate.of(2027, 2, 1), "A", 1, "certificates",
				channel, now);
		assertThat(ticket.drainEvents()).singleElement()
			.satisfies((e) -> assertThat(e.kind()).isEqualTo(TicketEvent.Kind.ISSUED));
		Model model = new Model(ticket.state(), now);
		for (Action action : actions) {
			now = now.plus(Duration.ofMinutes(action.minutesLater()));
			TicketState before = ticket.state();
			Ticket.Row rowBefore = ticket.toRow();
			Outcome expected = model.expect(action, now);
			Instant at = now;
			if (expected == Outcome.REFUSED) {
				assertThatThrownBy(() -> apply(ticket, action, at)).as("%s in %s", action, before)
					.isInstanceOf(MadoguchiException.class);
				assertThat(ticket.toRow()).as("a refused step changes nothing").isEqualTo(rowBefore);
				assertThat(ticket.drainEvents()).isEmpty();
				continue;
			}
			apply(ticket, action, at);
			List<TicketEvent> events = ticket.drainEvents();
			if (expected == Outcome.NO_CHANGE) {
				assertThat(events).as("%s in %s is harmless", action, before).isEmpty();
				assertThat(ticket.state()).isEqualTo(before);
				continue;
			}
			model.apply(action, at);
			assertThat(ticket.state()).as("%s from %s", action, before).isEqualTo(model.state);
			assertThat(events).singleElement().satisfies((event) -> {
				assertThat(event.from()).isEqualTo(before);
				assertThat(event.state()).isEqualTo(model.state);
				assertThat(event.at()).isEqualTo(at);
			});
		}
	}

	private static void apply(Ticket ticket, Action action, Instant now) {
		switch (action.step()) {
			case CHECK_IN -> ticket.checkIn(now, RULES);
			case PASS_OVER -> ticket.passOver(now, RULES);
			case CALL -> ticket.call(action.counter(), now, RULES);
			case RECALL -> ticket.recall(action.counter(), now, RULES);
			case ABSENT -> ticket.markAbsent(action.counter(), now, RULES);
			case START -> ticket.start(action.counter(), now);
			case DONE -> ticket.done(action.counter(), now);
			case TRANSFER -> ticket.transfer(action.queue(), "note", now);
			case CANCEL -> ticket.cancel(now);
			case EXPIRE -> ticket.expire(now);
		}
	}

	@Provide
	Arbitrary<List<Action>> actions() {
		Arbitrary<Action> action = Combinators
			.combine(Arbitraries.of(Step.class), Arbitraries.of("1", "2"), Arbitraries.of("A", "B"),
					Arbitraries.integers().between(0, 40))
			.as(Action::new);
		return action.list().ofMaxSize(12);
	}

	enum Outcome {

		CHANGE, NO_CHANGE, REFUSED

	}

	/**
	 * The ticket life of the product brief, written as a table, independent of Ticket.
	 */
	private static final class Model {

		private TicketState state;

		private String counter;

		private String queue = "A";

		private boolean passedOver;

		private Instant absentAt;

		private Model(TicketState state, Instant now) {
			this.state = state;
		}

		Outcome expect(Action action, Instant now) {
			boolean sameCounter = action.counter().equals(this.counter);
			return switch (action.step()) {
				case CHECK_IN -> switch (this.state) {
					case ISSUED -> Outcome.CHANGE;
					case WAITING -> Outcome.NO_CHANGE;
					case ABSENT ->
						now.isAfter(this.absentAt.plus(Duration.ofMinutes(30))) ? Outcome.REFUSED : Outcome.CHANGE;
					default -> Outcome.REFUSED;
				};
				case PASS_OVER ->
					(this.state == TicketState.ISSUED && !this.passedOver) ? Outcome.CHANGE : Outcome.REFUSED;
				case CALL -> (this.state == TicketState.WAITING || this.state == TicketState.ABSENT) ? Outcome.CHANGE
						: Outcome.REFUSED;
				case RECALL, ABSENT, START ->
					(this.state == TicketState.CALLED && sameCounter) ? Outcome.CHANGE : Outcome.REFUSED;
				case DONE -> (this.state == TicketState.SERVING && sameCounter) ? Outcome.CHANGE : Outcome.REFUSED;
				case TRANSFER ->
					(List.of(TicketState.WAITING, TicketState.CALLED, TicketState.SERVING).contains(this.state)
							&& !action.queue().equals(this.queue)) ? Outcome.CHANGE : Outcome.REFUSED;
				case CANCEL -> switch (this.state) {
					case ISSUED, WAITING, CALLED, ABSENT -> Outcome.CHANGE;
					case CANCELLED -> Outcome.NO_CHANGE;
					default -> Outcome.REFUSED;
				};
				case EXPIRE -> this.state.isOpen() ? Outcome.CHANGE : Outcome.REFUSED;
			};
		}

		void apply(Action action, Instant now) {
			switch (action.step()) {
				case CHECK_IN -> this.state = TicketState.WAITING;
				case PASS_OVER -> this.passedOver = true;
				case CALL -> {
					this.state = TicketState.CALLED;
					this.counter = action.counter();
				}
				case RECALL -> {
				}
				case ABSENT -> {
					this.state = TicketState.ABSENT;
					this.absentAt = now;
				}
				case START -> this.state = TicketState.SERVING;
				case DONE -> this.state = TicketState.DONE;
				case TRANSFER -> {
					this.state = TicketState.WAITING;
					this.queue = action.queue();
					this.counter = null;
				}
				case CANCEL -> this.state = TicketState.CANCELLED;
				case EXPIRE -> this.state = TicketState.EXPIRED;
			}
		}

	}

}
