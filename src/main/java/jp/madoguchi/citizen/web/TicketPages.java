package jp.madoguchi.citizen.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.notify.Contacts;
import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeCatalog;
import jp.madoguchi.shared.web.HtmlPages;
import jp.madoguchi.shared.web.Language;
import jp.madoguchi.shared.web.PlainMessages;
import jp.madoguchi.shared.web.PublicLinks;
import jp.madoguchi.shared.web.QrCodes;
import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.shared.ProblemResponses;
import jp.madoguchi.shared.MadoguchiException.Kind;
import jp.madoguchi.ticketing.Ticket;
import jp.madoguchi.ticketing.TicketQueries;
import jp.madoguchi.ticketing.TicketService;
import jp.madoguchi.ticketing.TicketState;
import jp.madoguchi.ticketing.TicketTokens;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A holder's ticket page, checking in (by the hall's QR code or its short code) and
 * cancelling. A ticket's page opens for the phone that took it (its device cookie) or
 * with the ticket's token in the link ({@code ?k=}); to anyone else it does not exist.
 */
@Controller
@HtmlPages
class TicketPages {

	private final OfficeCatalog offices;

	private final TicketQueries queries;

	private final TicketService service;

	private final TicketTokens tokens;

	private final Contacts contacts;

	private final PublicLinks links;

	private final MessageSource messages;

	TicketPages(OfficeCatalog offices, TicketQueries queries, TicketService service, TicketTokens tokens,
			Contacts contacts, PublicLinks links, MessageSource messages) {
		this.links = links;
		this.messages = new PlainMessages(messages);
		this.offices = offices;
		this.queries = queries;
		this.service = service;
		this.tokens = tokens;
		this.contacts = contacts;
	}

	@GetMapping("/o/{office}/tickets/{id}")
	String ticket(@PathVariable String office, @PathVariable UUID id, @RequestParam(required = false) String k,
			@RequestParam(required = false) String done, Model model, Locale locale, HttpServletRequest request) {
		Ticket ticket = owned(office, id, k, request);
		addTicket(ticket, k, model, locale);
		addKioskCheckIn(ticket, model, locale);
		model.addAttribute("done",
				("checked-in".equals(done) || "cancelled".equals(done) || "notice".equals(done)) ? done : null);
		return "citizen/ticket";
	}

	/** The changing part of the page, for the page to refresh itself. */
	@GetMapping("/o/{office}/tickets/{id}/live")
	String live(@PathVariable String office, @PathVariable UUID id, @RequestParam(required = false) String k,
			Model model, Locale locale, HttpServletRequest request) {
		addTicket(owned(office, id, k, request), k, model, locale);
		return "citizen/ticket :: live";
	}

	@PostMapping("/o/{office}/tickets/{id}/check-in")
	String checkIn(@PathVariable String office, @PathVariable UUID id, @RequestParam(required = false) String k,
			@RequestParam(required = false) String code, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		Ticket ticket = owned(office, id, k, request);
		try {
			this.service.checkIn(ticket.id(), code);
			return "redirect:" + ticketUrl(ticket, k, "checked-in");
		}
		catch (MadoguchiException ex) {
			response.setStatus(ProblemResponses.statusOf(ex.kind()).value());
			model.addAttribute("error", ex);
			Ticket current = this.queries.get(ticket.id());
			addTicket(current, k, model, locale);
			addKioskCheckIn(current, model, locale);
			return "citizen/ticket";
		}
	}

	@GetMapping("/o/{office}/tickets/{id}/cancel")
	String confirmCancel(@PathVariable String office, @PathVariable UUID id, @RequestParam(required = false) String k,
			Model model, Locale locale, HttpServletRequest request) {
		addTicket(owned(office, id, k, request), k, model, locale);
		return "citizen/cancel";
	}

	@PostMapping("/o/{office}/tickets/{id}/cancel")
	String cancel(@PathVariable String office, @PathVariable UUID id, @RequestParam(required = false) String k,
			HttpServletRequest request) {
		Ticket ticket = owned(office, id, k, request);
		if (ticket.state().isOpen()) {
			this.service.cancel(ticket.id());
		}
		return "redirect:" + ticketUrl(ticket, k, "cancelled");
	}

	/**
	 * Where the hall's QR code leads: checks in the tickets this phone holds at the
	 * office (opened by the phone's camera, so it is a plain link).
	 */
	@GetMapping("/o/{office}/check-in")
	String checkInByCode(@PathVariable String office, @RequestParam(name = "c", required = false) String code,
			Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
		Office o = this.offices.get(office);
		model.addAttribute("currentOffice", o);
		model.addAttribute("officeName", o.name().in(locale));
		model.addAttribute("code", code);
		String device = DeviceCookie.of(request);
		List<Ticket> waiting = (device == null) ? List.of()
				: this.queries.heldBy(o.id(), device)
					.stream()
					.filter((t) -> t.state() == TicketState.ISSUED || t.state() == TicketState.ABSENT)
					.toList();
		if (waiting.isEmpty()) {
			model.addAttribute("noTicket", true);
			return "citizen/check-in";
		}
		try {
			for (Ticket ticket : waiting) {
				this.service.checkIn(ticket.id(), code);
			}
		}
		catch (MadoguchiException ex) {
			response.setStatus(ProblemResponses.statusOf(ex.kind()).value());
			model.addAttribute("error", ex);
			model.addAttribute("tickets", waiting);
			return "citizen/check-in";
		}
		return "redirect:" + ticketUrl(waiting.get(0), null, "checked-in");
	}

	/** Adds a notice to a ticket taken without one. */
	@PostMapping("/o/{office}/tickets/{id}/notify")
	String notice(@PathVariable String office, @PathVariable UUID id, @RequestParam(required = false) String k,
			@ModelAttribute TakeForm form, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		Ticket ticket = owned(office, id, k, request);
		try {
			String channel = form.channel();
			if (channel == null) {
				throw new MadoguchiException(Kind.INVALID, "notify-channel-unknown", String.valueOf(form.getNotify()));
			}
			this.contacts.register(ticket, channel, "push".equals(channel) ? form.getPush() : form.getEmail(),
					form.travelMinutes(), Language.of(locale));
			return "redirect:" + ticketUrl(ticket, k, "notice");
		}
		catch (MadoguchiException ex) {
			response.setStatus(ProblemResponses.statusOf(ex.kind()).value());
			model.addAttribute("error", ex);
			addTicket(ticket, k, model, locale);
			addKioskCheckIn(ticket, model, locale);
			model.addAttribute("noticeForm", form);
			return "citizen/ticket";
		}
	}

	private void addTicket(Ticket ticket, String k, Model model, Locale locale) {
		Office office = this.offices.get(ticket.office());
		model.addAttribute("currentOffice", office);
		model.addAttribute("officeName", office.name().in(locale));
		model.addAttribute("t", TicketView.of(this.queries.details(ticket), office, locale));
		model.addAttribute("k", (k != null && this.tokens.isOwner(ticket.id(), k)) ? k : null);

		model.addAttribute("rules", office.rules());
		model.addAttribute("notices", this.contacts.channelsOf(ticket.id()));
		model.addAttribute("channels", this.contacts.channels());
		model.addAttribute("vapidKey", this.contacts.browserKey("push"));
		model.addAttribute("noticeForm", new TakeForm());
	}

	/**
	 * The ticket, if the token in the link or this phone holds it; to anyone else it does
	 * not exist.
	 */
	private Ticket owned(String office, UUID id, String k, HttpServletRequest request) {
		Optional<Ticket> ticket = (k != null && this.tokens.isOwner(id, k)) ? Optional.of(this.queries.get(id))
				: this.queries.heldBy(id, DeviceCookie.of(request));
		return ticket.filter((t) -> t.office().equals(office))
			.orElseThrow(() -> new MadoguchiException(Kind.NOT_FOUND, "unknown-ticket"));
	}

	/**
	 * For the kiosk, on the full page only (not on its live part): the QR code its
	 * scanner reads, and the PIN the holder can type instead.
	 */
	private void addKioskCheckIn(Ticket ticket, Model model, Locale locale) {
		if (ticket.state() == TicketState.ISSUED || ticket.state() == TicketState.ABSENT) {
			String link = this.links
				.to("/o/" + ticket.office() + "/tickets/" + ticket.id() + "?k=" + this.tokens.tokenFor(ticket.id()));
			model.addAttribute("kioskQr", QrCodes.svg(link, this.messages.getMessage("ticket.kiosk.qr", null, locale)));
			model.addAttribute("pin", this.tokens.pinFor(ticket.id()));
		}
	}

	private static String ticketUrl(Ticket ticket, String k, String done) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/o/{office}/tickets/{id}");
		if (k != null) {
			url.queryParam("k", k);
		}
		if (done != null) {
			url.queryParam("done", done);
		}
		return url.buildAndExpand(ticket.office(), ticket.id()).encode().toUriString();
	}

}
