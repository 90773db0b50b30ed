package jp.madoguchi.ticketing.web;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.madoguchi.office.OfficeCatalog;
import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.shared.MadoguchiException.Kind;
import jp.madoguchi.staff.Access;
import jp.madoguchi.staff.DeviceKind;
import jp.madoguchi.ticketing.CheckInCodes;
import jp.madoguchi.ticketing.Channel;
import jp.madoguchi.ticketing.Ticket;
import jp.madoguchi.ticketing.TicketQueries;
import jp.madoguchi.ticketing.TicketService;
import jp.madoguchi.ticketing.TicketState;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What counter staff do: call the next ticket or a given number, recall, mark absent,
 * start, finish, transfer. Steps on "the ticket at the counter" need no ticket id: a
 * counter has at most one ticket called or being served.
 */
@RestController
@Tag(name = "Counters (staff)")
class CounterController {

	private final TicketService service;

	private final TicketQueries queries;

	private final OfficeCatalog offices;

	private final CheckInCodes checkInCodes;

	CounterController(TicketService service, TicketQueries queries, OfficeCatalog offices, CheckInCodes checkInCodes) {
		this.service = service;
		this.queries = queries;
		this.offices = offices;
		this.checkInCodes = checkInCodes;
	}

	@PostMapping("/api/v1/offices/{office}/counters/{counter}/call-next")
	@Operation(summary = "Call the next present ticket for the queues this counter serves")
	TicketResponse callNext(@PathVariable String office, @PathVariable String counter, Authentication auth) {
		requireStaff(auth, office);
		return view(this.service.callNext(office, counter));
	}

	@PostMapping("/api/v1/offices/{office}/counters/{counter}/call")
	@Operation(summary = "Call a given number to this counter")
	TicketResponse callNumber(@PathVariable String office, @PathVariable String counter,
			@Valid @RequestBody NumberBody body, Authentication auth) {
		requireStaff(auth, office);
		return view(this.service.callNumber(office, counter, body.number()));
	}

	@PostMapping("/api/v1/offices/{office}/counters/{counter}/recall")
	@Operation(summary = "Call the counter's ticket again")
	TicketResponse recall(@PathVariable String office, @PathVariable String counter, Authentication auth) {
		requireStaff(auth, office);
		return view(this.service.recall(office, counter));
	}

	@PostMapping("/api/v1/offices/{office}/counters/{counter}/absent")
	@Operation(summary = "The called holder did not come")
	TicketResponse absent(@PathVariable String office, @PathVariable String counter, Authentication auth) {
		requireStaff(auth, office);
		return view(this.service.markAbsent(office, counter));
	}

	@PostMapping("/api/v1/offices/{office}/counters/{counter}/start")
	@Operation(summary = "Start serving the called holder")
	TicketResponse start(@PathVariable String office, @PathVariable String counter, Authentication auth) {
		requireStaff(auth, office);
		return view(this.service.start(office, counter));
	}

	@PostMapping("/api/v1/offices/{office}/counters/{counter}/done")
	@Operation(summary = "Finish serving")
	TicketResponse done(@PathVariable String office, @PathVariable String counter, Authentication auth) {
		requireStaff(auth, office);
		return view(this.service.done(office, counter));
	}

	@PostMapping("/api/v1/offices/{office}/counters/{counter}/transfer")
	@Operation(summary = "Send the counter's ticket to another queue with a note for the next clerk")
	TicketResponse transfer(@PathVariable String office, @PathVariable String counter,
			@Valid @RequestBody TransferBody body, Authentication auth) {
		requireStaff(auth, office);
		return view(this.service.transferFromCounter(office, counter, body.queue(), body.note()));
	}

	@GetMapping("/api/v1/offices/{office}/tickets")
	@Operation(summary = "Staff: today's tickets in the given states (default: in line), in line order")
	List<LineEntry> line(@PathVariable String office, @RequestParam(required = false) Set<TicketState> state,
			Authentication auth) {
		requireStaff(auth, office);
		Set<TicketState> states = (state == null || state.isEmpty()) ? EnumSet.of(TicketState.ISSUED,
				TicketState.WAITING, TicketState.CALLED, TicketState.SERVING, TicketState.ABSENT) : state;
		return this.queries.inStates(office, states).stream().map(LineEntry::of).toList();
	}

	@GetMapping("/api/v1/offices/{office}/check-in-code")
	@Operation(summary = "The hall's current check-in code (staff and registered displays and kiosks only)")
	CheckInCodes.Code checkInCode(@PathVariable String office, Authentication auth) {
		String officeId = this.offices.get(office).id();
		if (!Access.isStaffOf(auth, officeId) && !Access.isDeviceOf(auth, officeId, DeviceKind.DISPLAY)
				&& !Access.isDeviceOf(auth, officeId, DeviceKind.KIOSK)) {
			throw new MadoguchiException(Kind.FORBIDDEN, "forbidden");
		}
		return this.checkInCodes.current(this.offices.get(officeId));
	}

	private TicketResponse view(Ticket ticket) {
		return TicketResponse.of(this.queries.details(ticket), null);
	}

	private void requireStaff(Authentication auth, String office) {
		if (!Access.isStaffOf(auth, this.offices.get(office).id())) {
			throw new MadoguchiException(Kind.FORBIDDEN, "forbidden");
		}
	}

	record NumberBody(@NotBlank @Size(max = 16) String number) {
	}

	record TransferBody(@NotBlank @Size(max = 8) String queue, @Size(max = 500) String note) {
	}

	record LineEntry(UUID id, String number, String queue, String procedure, Channel channel, String state,
			boolean front, boolean checkedIn, Instant issuedAt, String counter, String note) {

		static LineEntry of(Ticket t) {
			return new LineEntry(t.id(), t.number(), t.queue(), t.procedure(), t.channel(),
					TicketResponse.lower(t.state().name()), t.front(), t.checkedInAt() != null, t.issuedAt(),
					t.counter(), t.note());
		}

	}

}
