package jp.madoguchi.board.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.board.EventStream;
import jp.madoguchi.office.OfficeCatalog;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The office's live events as Server-Sent Events. */
@RestController
@Tag(name = "Status")
class EventStreamController {

	private final EventStream stream;

	private final OfficeCatalog offices;

	EventStreamController(EventStream stream, OfficeCatalog offices) {
		this.stream = stream;
		this.offices = offices;
	}

	@GetMapping(path = "/api/v1/offices/{office}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Server-Sent Events: every ticket step (called, checked in, done, ...) with the"
			+ " changed queue's status. Reconnect with Last-Event-ID (header, or the lastEventId parameter) to catch"
			+ " up without gaps or repeats; the missed events are followed by a caught-up event.")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE))
	void events(@PathVariable String office,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
			@RequestParam(name = "lastEventId", required = false) String lastEventIdParam, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		String officeId = this.offices.get(office).id();
		response.setContentType("text/event-stream;charset=UTF-8");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Accel-Buffering", "no");
		// a browser's EventSource sends the header on its own reconnects; a page that
		// opens a new one after the server refused it can only say it in the query
		Long after = parse((lastEventId != null) ? lastEventId : lastEventIdParam);
		this.stream.subscribe(officeId, after, request.startAsync(request, response));
	}

	private static Long parse(String lastEventId) {
		if (lastEventId == null || !lastEventId.trim().matches("\\d{1,18}")) {
			return null;
		}
		return Long.valueOf(lastEventId.trim());
	}

}
