package jp.madoguchi.kiosk.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.board.Board;
import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeCatalog;
import jp.madoguchi.office.OfficeDefinition.Division;
import jp.madoguchi.office.OfficeDefinition.Procedure;
import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.shared.MadoguchiException.Kind;
import jp.madoguchi.shared.web.HtmlPages;
import jp.madoguchi.shared.web.PublicLinks;
import jp.madoguchi.shared.web.QrCodes;
import jp.madoguchi.staff.Access;
import jp.madoguchi.staff.DeviceKind;
import jp.madoguchi.staff.FloorDeviceCookie;
import jp.madoguchi.ticketing.Channel;
import jp.madoguchi.ticketing.Ticket;
import jp.madoguchi.ticketing.TicketQueries;
import jp.madoguchi.ticketing.TicketQueries.TicketDetails;
import jp.madoguchi.ticketing.TicketService;
import jp.madoguchi.ticketing.TicketService.IssueRequest;
import jp.madoguchi.ticketing.TicketState;
import jp.madoguchi.ticketing.TicketTokens;
import jp.madoguchi.ticketing.WebTicketPolicy;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The kiosk's screens: choose a division, choose a procedure, take the printed ticket; or
 * check a web ticket in. Each screen is one large choice at a time, for a touch screen
 * without a keyboard. A refusal is a screen that says what to do, never an error page.
 */
@Controller
@HtmlPages
class KioskPages {

	/** Wrong PINs for one number before the kiosk stops trying it for a while. */
	static final int PIN_TRIES = 5;

	static final Duration PIN_PAUSE = Duration.ofMinutes(10);

	private static final Pattern TICKET_LINK = Pattern
		.compile("/tickets/([0-9a-fA-F-]{36})\\?(?:.*&)?k=(t1\\.[A-Za-z0-9_-]+)");

	private final OfficeCatalog offices;

	private final TicketService tickets;

	private final TicketQueries queries;

	private final TicketTokens tokens;

	private final WebTicketPolicy policy;

	private final PublicLinks links;

	private final Clock clock;

	private final Board board;

	private final Map<String, PinFailures> pinFailures = new ConcurrentHashMap<>();

	KioskPages(OfficeCatalog offices, TicketService tickets, TicketQueries queries, TicketTokens tokens,
			WebTicketPolicy policy, PublicLinks links, Clock clock, Board board) {
		this.board = board;
		this.offices = offices;
		this.tickets = tickets;
		this.queries = queries;
		this.tokens = tokens;
		this.policy = policy;
		this.links = links;
		this.clock = clock;
	}

	/** The office of the kiosk in the path, or a refusal when this browser is not one. */
	@ModelAttribute("currentOffice")
	Office kioskOffice(@PathVariable String office, Authentication auth, HttpServletRequest request,
			HttpServletResponse response, Locale locale, Model model) {
		Office o = this.offices.get(office);
		if (!Access.isDeviceOf(auth, o.id(), DeviceKind.KIOSK)) {
			throw new MadoguchiException(Kind.FORBIDDEN, "device-not-registered");
		}
		FloorDeviceCookie.renew(request, response);
		model.addAttribute("officeName", o.name().in(locale));
		return o;
	}

	@GetMapping("/kiosk/{office}")
	String start(@ModelAttribute("currentOffice") Office office, Locale locale, Model model) {
		Map<String, Integer> waiting = new java.util.HashMap<>();
		for (Board.QueueStatus queue : this.board.status(office.id(), locale).queues()) {
			waiting.merge(queue.division(), queue.inLine(), Integer::sum);
		}
		model.addAttribute("divisions",
				office.divisions()
					.stream()
					.filter((d) -> d.queues().stream().anyMatch((q) -> office.queueOpenOn(q.id(), today(office))))
					.map((d) -> new DivisionChoice(d.id(), d.name().in(locale), waiting.getOrDefault(d.id(), 0)))
					.toList());
		return "kiosk/start";
	}

	@GetMapping("/kiosk/{office}/d/{division}")
	String procedures(@ModelAttribute("currentOffice") Office office, @PathVariable String division, Locale locale,
			Model model) {
		Division d = office.division(division);
		model.addAttribute("division", new Choice(d.id(), d.name().in(locale), null));
		model.addAttribute("procedures",
				d.procedures().stream().map((p) -> procedureChoice(office, p, locale)).toList());
		model.addAttribute("key", UUID.randomUUID().toString());
		return "kiosk/procedures";
	}

	private Choice procedureChoice(Office office, Procedure procedure, Locale locale) {
		Optional<String> refusal = this.policy.inPersonRefusal(office, procedure);
		return new Choice(procedure.id(), procedure.name().in(locale), refusal.orElse(null));
	}

	@PostMapping("/kiosk/{office}/tickets")
	String issue(@ModelAttribute("currentOffice") Office office, @RequestParam String procedure,
			@RequestParam String key) {
		Procedure p = office.procedure(procedure);
		Ticket ticket = this.tickets.issue(new IssueRequest(office.id(), p.id(), Channel.KIOSK, key)).ticket();
		return "redirect:/kiosk/" + office.id() + "/tickets/" + ticket.id();
	}

	/** The ticket on screen, and on paper: the kiosk's browser prints it at once. */
	@GetMapping("/kiosk/{office}/tickets/{id}")
	String printed(@ModelAttribute("currentOffice") Office office, @PathVariable UUID id, Locale locale,
			HttpServletRequest request, Model model) {
		Ticket ticket = this.queries.get(id);
		if (!ticket.office().equals(office.id()) || ticket.channel() != Channel.KIOSK
				|| !ticket.businessDate().equals(today(office))) {
			throw new MadoguchiException(Kind.NOT_FOUND, "unknown-ticket");
		}
		addTicket(office, this.queries.details(ticket), locale, model);
		String link = this.links.to(request,
				"/o/" + office.id() + "/tickets/" + ticket.id() + "?k=" + this.tokens.tokenFor(ticket.id()));
		model.addAttribute("qr", QrCodes.svg(link, ticket.number()));
		return "kiosk/ticket";
	}

	@GetMapping("/kiosk/{office}/check-in")
	String checkInForm(@ModelAttribute("currentOffice") Office office, Model model) {
		model.addAttribute("prefixes", office.queues().stream().map((q) -> q.id()).toList());
		return "kiosk/check-in";
	}

	/** A web ticket's QR code, scanned: the reader types its link and Enter. */
	@PostMapping(path = "/kiosk/{office}/check-in", params = "scan")
	String checkInScanned(@ModelAttribute("currentOffice") Office office, @RequestParam String scan, Locale locale,
			Model model) {
		Matcher link = TICKET_LINK.matcher(scan.strip());
		if (!link.find()) {
			throw new MadoguchiException(Kind.INVALID, "kiosk-scan-unknown");
		}
		UUID id = UUID.fromString(link.group(1));
		if (!this.tokens.isOwner(id, link.group(2))) {
			throw new MadoguchiException(Kind.INVALID, "kiosk-scan-unknown");
		}
		return checkIn(office, this.queries.get(id), locale, model);
	}

	/** A web ticket's number and PIN, typed on the screen's keypad. */
	@PostMapping(path = "/kiosk/{office}/check-in", params = "pin")
	String checkInByPin(@ModelAttribute("currentOffice") Office office, @RequestParam String number,
			@RequestParam String pin, Locale locale, Model model) {
		Ticket ticket = this.queries.todayByNumber(office.id(), number).orElse(null);
		String triesKey = office.id() + "|" + ((ticket != null) ? ticket.id() : number.strip());
		Instant now = this.clock.instant();
		PinFailures failures = this.pinFailures.get(triesKey);
		if (failures != null && failures.count() >= PIN_TRIES && now.isBefore(failures.since().plus(PIN_PAUSE))) {
			throw new MadoguchiException(Kind.TOO_MANY, "kiosk-pin-paused");
		}
		if (ticket == null || !this.tokens.pinFor(ticket.id()).equals(pin.strip())) {
			this.pinFailures.merge(triesKey, new PinFailures(1, now),
					(old, one) -> now.isBefore(old.since().plus(PIN_PAUSE))
							? new PinFailures(old.count() + 1, old.since()) : one);
			if (this.pinFailures.size() > 10_000) {
				this.pinFailures.clear();
			}
			throw new MadoguchiException(Kind.INVALID, "kiosk-pin-wrong");
		}
		this.pinFailures.remove(triesKey);
		return checkIn(office, ticket, locale, model);
	}

	private String checkIn(Office office, Ticket ticket, Locale locale, Model model) {
		if (!ticket.office().equals(office.id())) {
			throw new MadoguchiException(Kind.INVALID, "check-in-code-other-office");
		}
		if (ticket.state() != TicketState.ISSUED && ticket.state() != TicketState.ABSENT) {
			throw new MadoguchiException(Kind.CONFLICT,
					ticket.state().isOpen() ? "kiosk-already-here" : "kiosk-ticket-closed", ticket.number());
		}
		Ticket checkedIn = this.tickets.checkInByStaff(office.id(), ticket.id());
		addTicket(office, this.queries.details(checkedIn), locale, model);
		return "kiosk/checked-in";
	}

	private void addTicket(Office office, TicketDetails details, Locale locale, Model model) {
		Ticket ticket = details.ticket();
		Division division = office.divisionOf(ticket.queue());
		model.addAttribute("ticket", ticket);
		model.addAttribute("details", details);
		model.addAttribute("divisionName", division.name().in(locale));
		model.addAttribute("procedureName", office.procedure(ticket.procedure()).name().in(locale));
		model.addAttribute("waitAt", (division.waitAt() != null) ? division.waitAt().in(locale) : null);
		model.addAttribute("issuedAt", ticket.issuedAt().atZone(office.zone()).toLocalTime().withNano(0));
	}

	private java.time.LocalDate today(Office office) {
		return java.time.LocalDate.now(this.clock.withZone(office.zone()));
	}

	/** A division to touch, with how many wait in its lines. */
	record DivisionChoice(String id, String name, int waiting) {
	}

	/**
	 * A division or procedure to touch; {@code refusal} says why it cannot be taken now.
	 */
	record Choice(String id, String name, String refusal) {
	}

	private record PinFailures(int count, Instant since) {
	}

}
