package jp.madoguchi.board.web;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.madoguchi.board.Board;
import jp.madoguchi.shared.web.Language;
import jp.madoguchi.board.Board.OfficeStatus;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The live status of an office: lines, estimates, calls and whether web tickets are open.
 */
@RestController
@Tag(name = "Status")
class BoardController {

	private final Board board;

	BoardController(Board board) {
		this.board = board;
	}

	@GetMapping(path = "/api/v1/offices/{office}/status", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Per queue: people in line, estimated wait with range, numbers called now,"
			+ " whether web tickets can be taken now and why not")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OfficeStatus.class)))
	ResponseEntity<byte[]> status(@PathVariable String office, Locale locale) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_LANGUAGE, Language.of(locale).htmlLang())
			.body(this.board.statusJson(office, locale));
	}

}
