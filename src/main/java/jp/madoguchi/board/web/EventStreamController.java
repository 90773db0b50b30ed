package jp.madoguchi.board.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.madoguchi.board.EventStream;
import jp.madoguchi.office.OfficeCatalog;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

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
			+ " changed queue's status. Reconnect with Last-Event-ID to catch up without gaps or repeats.")
	ResponseEntity<ResponseBodyEmitter> events(@PathVariable String office,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
		String officeId = this.offices.get(office).id();
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_EVENT_STREAM, java.nio.charset.StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.header("X-Accel-Buffering", "no")
			.body(this.stream.subscribe(officeId, parse(lastEventId)));
	}

	private static Long parse(String lastEventId) {
		if (lastEventId == null || !lastEventId.trim().matches("\\d{1,18}")) {
			return null;
		}
		return Long.valueOf(lastEventId.trim());
	}

}
