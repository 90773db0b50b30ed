package jp.madoguchi.staff.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jp.madoguchi.shared.web.HtmlPages;
import jp.madoguchi.staff.StaffIdleTimeout;
import jp.madoguchi.staff.StaffPrincipal;
import jp.madoguchi.staff.StaffRole;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Who is signed in, for the staff pages' header: the name, whether the administration
 * link shows, and how long until the idle sign-out (for the warning).
 */
@ControllerAdvice(annotations = HtmlPages.class)
class SignedInStaff {

	private final StaffIdleTimeout idle;

	SignedInStaff(StaffIdleTimeout idle) {
		this.idle = idle;
	}

	@ModelAttribute
	void addTo(Model model, Authentication authentication, HttpServletRequest request) {
		if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal staff) {
			model.addAttribute("staffName", staff.getUsername());
			model.addAttribute("staffIsAdmin", staff.role() == StaffRole.ADMIN);
			HttpSession session = request.getSession(false);
			if (session != null) {
				model.addAttribute("idleSeconds", this.idle.secondsLeft(session));
			}
		}
	}

}
