package jp.madoguchi.ticketing.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.shared.MadoguchiException.Kind;
import jp.madoguchi.staff.Access;
import jp.madoguchi.staff.DeviceKind;
import jp.madoguchi.ticketing.Channel;
import jp.madoguchi.ticketing.Ticket;
import jp.madoguchi.ticketing.TicketQueries;
import jp.madoguchi.ticketing.TicketService;
import jp.madoguchi.ticketing.TicketService.IssueRequest;
import jp.madoguchi.ticketing.TicketService.IssuedTicket;
import jp.madoguchi.ticketing.TicketTokens;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Taking a ticket and acting on it as its holder. A holder proves ownership with the
 * token given when the ticket was issued ({@code Authorization: Bearer t1.…}); staff of
 * the office may act on any of its tickets.
 */
@RestController
@Tag(name = "Tickets")
class TicketController {

	private final TicketService service;

	private final TicketQueries queries;

	private final TicketTokens tokens;

	TicketController(TicketService service, TicketQueries queries, TicketTokens tokens) {
		this.service = service;
		this.queries = queries;
		this.tokens = tokens;
	}

	@PostMapping("/api/v1/offices/{office}/tickets")
	@Operation(summary = "Take a ticket",
			description = "channel 'web' is public; 'kiosk' needs a registered kiosk of the office, 'staff' its staff."
					+ " A retry with the same Idempotency-Key returns the same ticket.")
	ResponseEntity<TicketResponse> issue(@PathVariable String office, @Valid @RequestBody IssueBody body,
			@Parameter(description = "A key of the client's choosing (a UUID) that makes retries safe") @RequestHeader(
					name = "Idempotency-Key", required = false) @Size(max = 128) String idempotencyKey,
			Authentication authentication, HttpServletRequest http) {
		Channel channel = (body.channel() != null) ? body.channel() : Channel.WEB;
		requireChannelAllowed(office, channel, authentication);
		IssuedTicket issued = this.service.issue(new IssueRequest(office, body.procedure(), channel,
				(idempotencyKey != null && !idempotencyKey.isBlank()) ? idempotencyKey.trim() : null, null,
				http.getRemoteAddr()));
		Ticket ticket = issued.ticket();
		return ResponseEntity.status(HttpStatus.CREATED)
			.header(HttpHeaders.LOCATION, "/api/v1/tickets/" + ticket.id())
			.header("Idempotent-Replayed", String.valueOf(issued.replayed()))
			.body(TicketResponse.of(this.queries.detailsOfNew(issued), this.tokens.tokenFor(ticket.id())));
	}

	@GetMapping("/api/v1/tickets/{id}")
	@Operation(summary = "A ticket: state, people ahead, estimated wait, call and history")
	TicketResponse get(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			Authentication authentication) {
		Ticket ticket = authorized(id, authorization, authentication);
		return TicketResponse.of(this.queries.details(ticket), null);
	}

	@PostMapping("/api/v1/tickets/{id}/check-in")
	@Operation(summary = "Check in: the holder with the code shown in the hall, or staff without one")
	TicketResponse checkIn(@PathVariable UUID id, @RequestBody(required = false) CheckInBody body,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			Authentication authentication) {
		Ticket ticket = authorized(id, authorization, authentication);
		Ticket checkedIn;
		if (Access.isStaffOf(authentication, ticket.office())
				|| Access.isDeviceOf(authentication, ticket.office(), DeviceKind.KIOSK)) {
			checkedIn = this.service.checkInByStaff(ticket.office(), id);
		}
		else {
			checkedIn = this.service.checkIn(id, (body != null) ? body.code() : null);
		}
		return TicketResponse.of(this.queries.details(checkedIn), null);
	}

	@DeleteMapping("/api/v1/tickets/{id}")
	@Operation(summary = "Cancel a ticket")
	TicketResponse cancel(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			Authentication authentication) {
		authorized(id, authorization, authentication);
		return TicketResponse.of(this.queries.details(this.service.cancel(id)), null);
	}

	@PostMapping("/api/v1/tickets/{id}/transfer")
	@Operation(summary = "Staff: send a waiting ticket to another queue, keeping its place by issue time")
	TicketResponse transfer(@PathVariable UUID id, @Valid @RequestBody CounterController.TransferBody body,
			Authentication authentication) {
		Ticket ticket = this.queries.get(id);
		if (!Access.isStaffOf(authentication, ticket.office())) {
			throw new MadoguchiException(Kind.FORBIDDEN, "forbidden");
		}
		return TicketResponse
			.of(this.queries.details(this.service.transfer(ticket.office(), id, body.queue(), body.note())), null);
	}

	/**
	 * The ticket, if the caller holds its token or is staff of its office; else
	 * "unknown".
	 */
	private Ticket authorized(UUID id, String authorization, Authentication authentication) {
		Ticket ticket = this.queries.get(id);
		if (Access.isStaffOf(authentication, ticket.office())
				|| Access.isDeviceOf(authentication, ticket.office(), DeviceKind.KIOSK)) {
			return ticket;
		}
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			throw new MadoguchiException(Kind.FORBIDDEN, "ticket-token-required");
		}
		if (!this.tokens.isOwner(id, authorization.substring(7).trim())) {
			throw new MadoguchiException(Kind.NOT_FOUND, "unknown-ticket");
		}
		return ticket;
	}

	private static void requireChannelAllowed(String office, Channel channel, Authentication authentication) {
		boolean allowed = switch (channel) {
			case WEB -> true;
			case KIOSK ->
				Access.isDeviceOf(authentication, office, DeviceKind.KIOSK) || Access.isStaffOf(authentication, office);
			case STAFF -> Access.isStaffOf(authentication, office);
		};
		if (!allowed) {
			throw new MadoguchiException(Kind.FORBIDDEN, "channel-not-allowed", channel.json());
		}
	}

	record IssueBody(@NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9-]+") String procedure, Channel channel) {
	}

	record CheckInBody(@Size(max = 16) String code) {
	}

}
