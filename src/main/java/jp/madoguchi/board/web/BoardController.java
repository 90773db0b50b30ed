package jp.madoguchi.board.web;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.madoguchi.board.Board;
import jp.madoguchi.board.Board.OfficeStatus;

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

	@GetMapping("/api/v1/offices/{office}/status")
	@Operation(summary = "Per queue: people in line, estimated wait with range, numbers called now,"
			+ " whether web tickets can be taken now and why not")
	OfficeStatus status(@PathVariable String office, Locale locale) {
		return this.board.status(office, locale);
	}

}
