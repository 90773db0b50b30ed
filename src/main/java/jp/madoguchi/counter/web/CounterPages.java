package jp.madoguchi.counter.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jp.madoguchi.counter.CounterStates;
import jp.madoguchi.counter.CounterStates.CounterState;
import jp.madoguchi.counter.CounterStates.PauseReason;
import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeCatalog;
import jp.madoguchi.office.OfficeDefinition.Counter;
import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.shared.MadoguchiException.Kind;
import jp.madoguchi.shared.web.HtmlPages;
import jp.madoguchi.staff.StaffPrincipal;
import jp.madoguchi.ticketing.Ticket;
import jp.madoguchi.ticketing.TicketQueries;
import jp.madoguchi.ticketing.TicketService;
import jp.madoguchi.ticketing.TicketState;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The counter terminal. Every step is a form sent to the server (so it works without
 * script and a reload never sends it twice: each answers with a redirect), and the page
 * keeps its line current over the event stream. A refused step comes back as a message on
 * the same screen, never an error page.
 */
@Controller
@HtmlPages
class CounterPages {

	/** How many of the line the terminal lists: the head is what a clerk calls from. */
	static final int LINE_SHOWN = 50;

	private final OfficeCatalog offices;

	private final TicketService tickets;

	private final TicketQueries queries;

	private final CounterStates states;

	private final MessageSource messages;

	private final Clock clock;

	CounterPages(OfficeCatalog offices, TicketService tickets, TicketQueries queries, CounterStates states,
			MessageSource messages, Clock clock) {
		this.clock = clock;
		this.offices = offices;
		this.tickets = tickets;
		this.queries = queries;
		this.states = states;
		this.messages = messages;
	}

	@GetMapping("/counter")
	String offices(@AuthenticationPrincipal StaffPrincipal staff) {
		List<Office> mine = this.offices.all().stream().filter((o) -> staff.mayActFor(o.id())).toList();
		return (mine.size() == 1) ? "redirect:/counter/" + mine.get(0).id() : "redirect:/staff";
	}

	/** Which counter am I at? */
	@GetMapping("/counter/{office}")
	String pick(@PathVariable String office, @AuthenticationPrincipal StaffPrincipal staff, Locale locale,
			Model model) {
		Office o = officeFor(staff, office);
		Map<String, CounterState> notOpen = this.states.notOpen(o);
		model.addAttribute("currentOffice", o);
		model.addAttribute("officeName", o.name().in(locale));
		model.addAttribute("counters",
				o.counters()
					.stream()
					.map((c) -> new CounterChoice(c.id(), queueNames(o, c, locale), notOpen.get(c.id())))
					.toList());
		return "counter/pick";
	}

	@GetMapping("/counter/{office}/{counter}")
	String terminal(@PathVariable String office, @PathVariable String counter,
			@AuthenticationPrincipal StaffPrincipal staff, Locale locale, Model model) {
		addTerminal(officeFor(staff, office), counter, locale, model);
		return "counter/terminal";
	}

	/** The terminal's changing part, fetched again after each event of the office. */
	@GetMapping("/counter/{office}/{counter}/live")
	String live(@PathVariable String office, @PathVariable String counter,
			@AuthenticationPrincipal StaffPrincipal staff, Locale locale, Model model) {
		addTerminal(officeFor(staff, office), counter, locale, model);
		return "counter/terminal :: live";
	}

	@PostMapping("/counter/{office}/{counter}/{step:call-next|recall|absent|start|done|resume}")
	String step(@PathVariable String office, @PathVariable String counter, @PathVariable String step,
			@AuthenticationPrincipal StaffPrincipal staff, Locale locale, RedirectAttributes redirect) {
		Office o = officeFor(staff, office);
		String id = o.counter(counter).id();
		return act(o, id, locale, redirect, () -> {
			if (step.equals("resume")) {
				this.states.open(o, id, staff.getUsername());
				return message("counter.done.resume", locale);
			}
			requireOpen(o, id);
			Ticket ticket = switch (step) {
				case "call-next" -> this.tickets.callNext(o.id(), id);
				case "recall" -> this.tickets.recall(o.id(), id);
				case "absent" -> this.tickets.markAbsent(o.id(), id);
				case "start" -> this.tickets.start(o.id(), id);
				default -> this.tickets.done(o.id(), id);
			};
			return message("counter.done." + step, locale, ticket.number());
		});
	}

	@PostMapping("/counter/{office}/{counter}/call")
	String callNumber(@PathVariable String office, @PathVariable String counter, @RequestParam String number,
			@AuthenticationPrincipal StaffPrincipal staff, Locale locale, RedirectAttributes redirect) {
		Office o = officeFor(staff, office);
		String id = o.counter(counter).id();
		return act(o, id, locale, redirect, () -> {
			requireOpen(o, id);
			try {
				Ticket ticket = this.tickets.callNumber(o.id(), id, number);
				return message("counter.done.call-next", locale, ticket.number());
			}
			catch (MadoguchiException ex) {
				throw lostRace(o, number, ex);
			}
		});
	}

	@PostMapping("/counter/{office}/{counter}/transfer")
	String transfer(@PathVariable String office, @PathVariable String counter, @RequestParam String queue,
			@RequestParam(required = false) String note, @AuthenticationPrincipal StaffPrincipal staff, Locale locale,
			RedirectAttributes redirect) {
		Office o = officeFor(staff, office);
		String id = o.counter(counter).id();
		return act(o, id, locale, redirect, () -> {
			if (note != null && note.length() > 500) {
				throw new MadoguchiException(Kind.INVALID, "note-too-long", 500);
			}
			Ticket ticket = this.tickets.transferFromCounter(o.id(), id, queue,
					(note != null && !note.isBlank()) ? note.strip() : null);
			return message("counter.done.transfer", locale, ticket.number(), o.queue(queue).name().in(locale));
		});
	}

	@PostMapping("/counter/{office}/{counter}/pause")
	String pause(@PathVariable String office, @PathVariable String counter, @RequestParam PauseReason reason,
			@AuthenticationPrincipal StaffPrincipal staff, Locale locale, RedirectAttributes redirect) {
		Office o = officeFor(staff, office);
		String id = o.counter(counter).id();
		return act(o, id, locale, redirect, () -> {
			this.states.pause(o, id, reason, staff.getUsername());
			return message("counter.done.pause", locale);
		});
	}

	@PostMapping("/counter/{office}/{counter}/close")
	String close(@PathVariable String office, @PathVariable String counter,
			@AuthenticationPrincipal StaffPrincipal staff, Locale locale, RedirectAttributes redirect) {
		Office o = officeFor(staff, office);
		String id = o.counter(counter).id();
		try {
			this.states.close(o, id, staff.getUsername());
		}
		catch (MadoguchiException ex) {
			redirect.addFlashAttribute("refusal", problem(ex, locale));
			return "redirect:/counter/" + o.id() + "/" + id;
		}
		redirect.addFlashAttribute("notice", message("counter.done.close", locale, id));
		return "redirect:/counter/" + o.id();
	}

	private String act(Office office, String counter, Locale locale, RedirectAttributes redirect, Step step) {
		try {
			redirect.addFlashAttribute("notice", step.run());
		}
		catch (MadoguchiException ex) {
			redirect.addFlashAttribute("refusal", problem(ex, locale));
		}
		return "redirect:/counter/" + office.id() + "/" + counter;
	}

	/**
	 * A number called by another counter a moment before: say which, rather than that the
	 * ticket is "called" and cannot be called.
	 */
	private MadoguchiException lostRace(Office office, String number, MadoguchiException ex) {
		if (!ex.code().equals("illegal-step.call")) {
			return ex;
		}
		return this.queries.todayByNumber(office.id(), number)
			.filter((t) -> t.state() == TicketState.CALLED || t.state() == TicketState.SERVING)
			.map((t) -> new MadoguchiException(Kind.CONFLICT, "counter-lost-race", t.number(), t.counter()))
			.orElse(ex);
	}

	private void requireOpen(Office office, String counter) {
		if (!this.states.of(office, counter).open()) {
			throw new MadoguchiException(Kind.CONFLICT, "counter-not-open", counter);
		}
	}

	private void addTerminal(Office office, String counterId, Locale locale, Model model) {
		Counter counter = office.counter(counterId);
		Instant now = this.clock.instant();
		Optional<Ticket> current = this.queries.atCounter(office.id(), counter.id());
		TicketQueries.LineHead head = this.queries.lineHead(office.id(), counter.queues(), LINE_SHOWN);
		List<LineRow> line = head.first().stream().map((t) -> LineRow.of(t, office, locale, now)).toList();
		CounterState state = this.states.of(office, counter.id());
		model.addAttribute("currentOffice", office);
		model.addAttribute("officeName", office.name().in(locale));
		model.addAttribute("counter", counter);
		model.addAttribute("queueNames", queueNames(office, counter, locale));
		model.addAttribute("state", state);
		model.addAttribute("current", current.map((t) -> LineRow.of(t, office, locale, now)).orElse(null));
		model.addAttribute("line", line);
		model.addAttribute("lineTotal", head.total());
		model.addAttribute("next", line.stream().filter(LineRow::callable).findFirst().orElse(null));
		model.addAttribute("otherQueues",
				office.queues()
					.stream()
					.map((q) -> new QueueChoice(q.id(),
							office.divisionOf(q.id()).name().in(locale) + " — " + q.name().in(locale)))
					.toList());
		model.addAttribute("pauseReasons", PauseReason.values());
		model.addAttribute("signature", current.map((t) -> t.number() + t.state()).orElse("-") + "|" + head.total()
				+ "|" + line.stream().map((r) -> r.number() + r.state()).toList() + "|" + state);
	}

	private static String queueNames(Office office, Counter counter, Locale locale) {
		return String.join("・", counter.queues().stream().map((q) -> office.queue(q).name().in(locale)).toList());
	}

	private Office officeFor(StaffPrincipal staff, String office) {
		Office o = this.offices.get(office);
		if (!staff.mayActFor(o.id())) {
			throw new MadoguchiException(Kind.FORBIDDEN, "forbidden");
		}
		return o;
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	private String problem(MadoguchiException ex, Locale locale) {
		return this.messages.getMessage("problem." + ex.code(), ex.args(), ex.code(), locale);
	}

	@FunctionalInterface
	private interface Step {

		String run();

	}

	record CounterChoice(String id, String queues, CounterState notOpen) {
	}

	record QueueChoice(String id, String label) {
	}

	/** A ticket as the clerk sees it in the line. */
	record LineRow(String number, String procedure, String channel, String state, boolean checkedIn, long minutesWaited,
			String note, boolean front, Instant calledAt, Instant comeBy, int callCount) {

		static LineRow of(Ticket t, Office office, Locale locale, Instant now) {
			return new LineRow(t.number(), office.procedure(t.procedure()).name().in(locale),
					t.channel().name().toLowerCase(Locale.ROOT), t.state().name().toLowerCase(Locale.ROOT),
					t.checkedInAt() != null || t.channel() != jp.madoguchi.ticketing.Channel.WEB,
					Math.max(0, Duration.between(t.issuedAt(), now).toMinutes()), t.note(), t.front(), t.calledAt(),
					t.callDeadline(), t.callCount());
		}

		/** Whether "call next" could call it: present and waiting. */
		boolean callable() {
			return this.state.equals("waiting");
		}

	}

}
