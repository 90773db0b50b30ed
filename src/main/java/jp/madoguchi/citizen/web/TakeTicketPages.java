package jp.madoguchi.citizen.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.board.Board;
import jp.madoguchi.notify.Contacts;
import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeCatalog;
import jp.madoguchi.shared.web.HtmlPages;
import jp.madoguchi.office.OfficeDefinition.Division;
import jp.madoguchi.office.OfficeDefinition.Procedure;
import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.shared.ProblemResponses;
import jp.madoguchi.shared.MadoguchiException.Kind;
import jp.madoguchi.shared.web.Language;
import jp.madoguchi.ticketing.Channel;
import jp.madoguchi.ticketing.Ticket;
import jp.madoguchi.ticketing.TicketService;
import jp.madoguchi.ticketing.TicketService.IssueRequest;
import jp.madoguchi.ticketing.WebTicketPolicy;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Taking a web ticket (事前WEB発券): division → procedure, with what to bring and how to be
 * told when to come → the ticket page. The form carries a key made when it was shown, so
 * sending it twice (a double tap, a retry on a bad connection) gives one ticket.
 */
@Controller
@HtmlPages
class TakeTicketPages {

	private final OfficeCatalog offices;

	private final TicketService service;

	private final WebTicketPolicy policy;

	private final Contacts contacts;

	private final Board board;

	TakeTicketPages(OfficeCatalog offices, TicketService service, WebTicketPolicy policy, Contacts contacts,
			Board board) {
		this.offices = offices;
		this.service = service;
		this.policy = policy;
		this.contacts = contacts;
		this.board = board;
	}

	@GetMapping("/o/{office}/take")
	String divisions(@PathVariable String office, Model model, Locale locale) {
		Office o = this.offices.get(office);
		model.addAttribute("currentOffice", o);
		model.addAttribute("officeName", o.name().in(locale));
		model.addAttribute("divisions",
				o.divisions().stream().map((division) -> divisionChoice(o, division, locale)).toList());
		return "citizen/take-division";
	}

	@GetMapping("/o/{office}/take/{division}")
	String procedures(@PathVariable String office, @PathVariable String division, Model model, Locale locale) {
		Office o = this.offices.get(office);
		Division d = o.division(division);
		model.addAttribute("currentOffice", o);
		model.addAttribute("officeName", o.name().in(locale));
		model.addAttribute("division", divisionChoice(o, d, locale));
		model.addAttribute("procedures", d.procedures().stream().map((p) -> choice(o, p, locale)).toList());
		return "citizen/take-procedure";
	}

	@GetMapping("/o/{office}/take/{division}/{procedure}")
	String confirm(@PathVariable String office, @PathVariable String division, @PathVariable String procedure,
			Model model, Locale locale) {
		return confirmPage(office, division, procedure, new TakeForm(), model, locale);
	}

	@PostMapping("/o/{office}/take/{division}/{procedure}")
	String take(@PathVariable String office, @PathVariable String division, @PathVariable String procedure,
			@ModelAttribute TakeForm form, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		Office o = this.offices.get(office);
		Procedure p = procedureOf(o, division, procedure);
		try {
			int travel = form.travelMinutes();
			String channel = form.channel();
			String address = null;
			if (channel != null) {
				address = this.contacts.check(channel, "push".equals(channel) ? form.getPush() : form.getEmail(),
						travel);
			}
			String device = DeviceCookie.ensure(request, response);
			Ticket ticket = this.service
				.issue(new IssueRequest(o.id(), p.id(), Channel.WEB, form.key(), device, request.getRemoteAddr()))
				.ticket();
			if (channel != null) {
				this.contacts.register(ticket, channel, address, travel, Language.of(locale));
			}
			return "redirect:/o/" + o.id() + "/tickets/" + ticket.id();
		}
		catch (MadoguchiException ex) {
			response.setStatus(ProblemResponses.statusOf(ex.kind()).value());
			model.addAttribute("error", ex);
			return confirmPage(office, division, procedure, form, model, locale);
		}
	}

	private String confirmPage(String office, String division, String procedure, TakeForm form, Model model,
			Locale locale) {
		Office o = this.offices.get(office);
		Procedure p = procedureOf(o, division, procedure);
		if (form.key() == null) {
			form.setKey(UUID.randomUUID().toString());
		}
		model.addAttribute("currentOffice", o);
		model.addAttribute("officeName", o.name().in(locale));
		model.addAttribute("division", divisionChoice(o, o.division(division), locale));
		model.addAttribute("procedure", choice(o, p, locale));
		model.addAttribute("queue", this.board.queueStatus(o.id(), p.queue(), locale));
		model.addAttribute("form", form);
		model.addAttribute("channels", this.contacts.channels());
		model.addAttribute("vapidKey", this.contacts.browserKey("push"));
		return "citizen/take-confirm";
	}

	private DivisionChoice divisionChoice(Office office, Division division, Locale locale) {
		return new DivisionChoice(division.id(), division.name().in(locale),
				division.procedures()
					.stream()
					.anyMatch((procedure) -> this.policy.webRefusal(office, procedure).isEmpty()));
	}

	private ProcedureChoice choice(Office office, Procedure procedure, Locale locale) {
		return new ProcedureChoice(procedure.id(), procedure.name().in(locale),
				(procedure.bring() != null) ? procedure.bring().in(locale) : null, procedure.minutes(),
				this.policy.webRefusal(office, procedure).orElse(null));
	}

	private static Procedure procedureOf(Office office, String division, String procedure) {
		Procedure p = office.procedure(procedure);
		if (!office.division(division).procedures().contains(p)) {
			throw new MadoguchiException(Kind.NOT_FOUND, "unknown-procedure", procedure);
		}
		return p;
	}

	/**
	 * A division on the first step.
	 *
	 * @param webOpen whether any of its procedures takes web tickets now
	 */
	record DivisionChoice(String id, String name, boolean webOpen) {
	}

	/**
	 * A procedure to choose.
	 *
	 * @param refusal why web tickets cannot be taken for it now, if they cannot
	 */
	record ProcedureChoice(String id, String name, String bring, int minutes, String refusal) {
	}

}
