package jp.madoguchi.citizen.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.board.Board;
import jp.madoguchi.board.Board.OfficeStatus;
import jp.madoguchi.board.Board.QueueStatus;
import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeCatalog;
import jp.madoguchi.shared.web.HtmlPages;
import jp.madoguchi.office.OfficeDefinition.Division;
import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.shared.MadoguchiException.Kind;
import jp.madoguchi.shared.web.Language;
import jp.madoguchi.ticketing.Ticket;
import jp.madoguchi.ticketing.TicketQueries;
import jp.madoguchi.ticketing.WebTicketLimits;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The office page (混雑状況・呼び出し状況): every division's lines, waits and calls, and whether web
 * tickets can be taken now; the list of offices; the rules page.
 */
@Controller
@HtmlPages
class OfficePages {

	private final OfficeCatalog offices;

	private final Board board;

	private final TicketQueries tickets;

	private final Clock clock;

	private final WebTicketLimits.Limits limits;

	private final ITemplateEngine templates;

	private final JakartaServletWebApplication web;

	private final Map<String, RenderedPart> liveParts = new ConcurrentHashMap<>();

	OfficePages(OfficeCatalog offices, Board board, TicketQueries tickets, WebTicketLimits.Limits limits,
			ITemplateEngine templates, ServletContext servletContext, Clock clock) {
		this.templates = templates;
		this.web = JakartaServletWebApplication.buildApplication(servletContext);
		this.limits = limits;
		this.offices = offices;
		this.board = board;
		this.tickets = tickets;
		this.clock = clock;
	}

	@GetMapping("/")
	String offices(Model model) {
		if (this.offices.all().size() == 1) {
			return "redirect:/o/" + this.offices.all().iterator().next().id();
		}
		model.addAttribute("offices", this.offices.all());
		return "citizen/offices";
	}

	@GetMapping("/o/{office}")
	String office(@PathVariable String office, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		Office o = this.offices.get(office);
		LocalDate today = LocalDate.now(this.clock.withZone(o.zone()));
		model.addAttribute("currentOffice", o);
		model.addAttribute("officeName", o.name().in(locale));
		model.addAttribute("today",
				DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
					.withLocale(Language.of(locale).locale())
					.format(today));
		model.addAttribute("hours", o.hoursOn(today).orElse(null));
		model.addAttribute("times", new Times(o.zone()));
		model.addAttribute("lines", lines(o, Language.of(locale), request, response));
		String device = DeviceCookie.of(request);
		List<Ticket> mine = (device != null) ? this.tickets.heldBy(office, device) : List.of();
		model.addAttribute("myTickets", mine.stream().filter((ticket) -> ticket.state().isOpen()).toList());
		return "citizen/office";
	}

	/**
	 * The lines alone, for the page to refresh itself when the office's events say so.
	 * Every phone on the office page asks for it after each event, so it is rendered once
	 * per event, minute and language and then served from memory.
	 */
	@GetMapping(path = "/o/{office}/live", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> live(@PathVariable String office, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noCache())
			.body(lines(this.offices.get(office), Language.of(locale), request, response));
	}

	/**
	 * The office's lines as HTML, rendered when the board or the minute has changed since
	 * the last time.
	 */
	private String lines(Office o, Language language, HttpServletRequest request, HttpServletResponse response) {
		String key = o.id() + "/" + language.code();
		long version = this.board.lastEvent(o.id());
		long minute = this.clock.millis() / 60_000;
		RenderedPart cached = this.liveParts.get(key);
		if (cached == null || cached.version() != version || cached.minute() != minute) {
			Model model = new ExtendedModelMap();
			addLines(o, model, language.locale());
			WebContext context = new WebContext(this.web.buildExchange(request, response), language.locale(),
					model.asMap());
			cached = new RenderedPart(version, minute,
					this.templates.process("citizen/office-lines", Set.of("section"), context));
			this.liveParts.put(key, cached);
		}
		return cached.html();
	}

	private record RenderedPart(long version, long minute, String html) {
	}

	/**
	 * Where the security configuration forwards a page's form that came without its token
	 * (a tab restored after the browser dropped its cookies).
	 */
	@RequestMapping("/o/form-expired")
	String formExpired() {
		throw new MadoguchiException(Kind.FORBIDDEN, "form-expired");
	}

	@GetMapping("/o/{office}/rules")
	String rules(@PathVariable String office, Model model, Locale locale) {
		Office o = this.offices.get(office);
		model.addAttribute("currentOffice", o);
		model.addAttribute("officeName", o.name().in(locale));
		model.addAttribute("rules", o.rules());
		model.addAttribute("limits", this.limits);
		model.addAttribute("webUntil", new Times(o.zone()).of(o.definition().webTickets().weekdayUntil()));
		return "citizen/rules";
	}

	/** What the lines part shows. */
	private void addLines(Office office, Model model, Locale locale) {
		OfficeStatus status = this.board.status(office.id(), locale);
		Map<String, QueueStatus> byQueue = status.queues()
			.stream()
			.collect(Collectors.toMap(QueueStatus::queue, Function.identity()));
		List<DivisionView> divisions = office.divisions()
			.stream()
			.map((division) -> DivisionView.of(division, byQueue, locale))
			.toList();
		model.addAttribute("currentOffice", office);
		model.addAttribute("status", status);
		model.addAttribute("divisions", divisions);
		model.addAttribute("times", new Times(office.zone()));
	}

	/** A division with its lines, as the office page shows it. */
	record DivisionView(String id, String name, List<QueueView> queues, boolean webOpen) {

		static DivisionView of(Division division, Map<String, QueueStatus> status, Locale locale) {
			List<QueueView> queues = division.queues()
				.stream()
				.map((queue) -> new QueueView(queue.id(), queue.name().in(locale), status.get(queue.id())))
				.toList();
			return new DivisionView(division.id(), division.name().in(locale), queues,
					queues.stream().anyMatch((queue) -> queue.status().webTickets().available()));
		}

	}

	record QueueView(String id, String name, QueueStatus status) {
	}

}
