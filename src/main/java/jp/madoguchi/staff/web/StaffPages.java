package jp.madoguchi.staff.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeCatalog;
import jp.madoguchi.shared.web.HtmlPages;
import jp.madoguchi.staff.StaffIdleTimeout;
import jp.madoguchi.staff.StaffPrincipal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Signing in, the staff's home page (which office and counter, how long to stay signed
 * in), and the pages that refuse: the wrong role, an unregistered device.
 */
@Controller
@HtmlPages
class StaffPages {

	private final OfficeCatalog offices;

	private final StaffIdleTimeout idle;

	StaffPages(OfficeCatalog offices, StaffIdleTimeout idle) {
		this.offices = offices;
		this.idle = idle;
	}

	@GetMapping("/staff/login")
	String signIn(@RequestParam(required = false) Long locked, Model model) {
		if (locked != null) {
			model.addAttribute("lockedUntil", Instant.ofEpochMilli(locked));
		}
		return "staff/login";
	}

	@GetMapping("/staff")
	String home(@AuthenticationPrincipal StaffPrincipal staff, HttpSession session, Model model) {
		model.addAttribute("offices", officesOf(staff));
		model.addAttribute("idleChoices", this.idle.choices().stream().map(Duration::toMinutes).toList());
		model.addAttribute("idleMinutes", this.idle.of(session).toMinutes());
		return "staff/home";
	}

	@PostMapping("/staff/idle")
	String chooseIdle(@RequestParam long minutes, HttpSession session) {
		Duration chosen = Duration.ofMinutes(minutes);
		if (this.idle.choices().contains(chosen)) {
			this.idle.choose(session, chosen);
		}
		return "redirect:/staff?saved";
	}

	/** The warning's button: the request itself extends the session; says how long. */
	@PostMapping("/staff/session")
	@ResponseBody
	ResponseEntity<String> extend(HttpSession session) {
		return ResponseEntity.ok("{\"secondsLeft\":" + this.idle.secondsLeft(session) + "}");
	}

	/** Answers any method: refused posts are forwarded here too. */
	@RequestMapping("/staff/denied")
	String denied(HttpServletRequest request) {
		request.setAttribute("jakarta.servlet.error.status_code", HttpStatus.FORBIDDEN.value());
		return "staff/denied";
	}

	@RequestMapping("/floor/unregistered")
	String unregistered() {
		return "staff/unregistered";
	}

	private List<Office> officesOf(StaffPrincipal staff) {
		return this.offices.all().stream().filter((office) -> staff.mayActFor(office.id())).toList();
	}

}
