package jp.madoguchi.staff.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.office.OfficeCatalog;
import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.shared.MadoguchiException.Kind;
import jp.madoguchi.shared.web.HtmlPages;
import jp.madoguchi.staff.DeviceKind;
import jp.madoguchi.staff.Devices;
import jp.madoguchi.staff.FloorDeviceCookie;
import jp.madoguchi.staff.StaffAccounts;
import jp.madoguchi.staff.StaffPrincipal;
import jp.madoguchi.staff.StaffRole;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the floor needs from an administrator: this browser registered as an office's hall
 * display or kiosk, devices revoked, staff accounts created, disabled and re-roled. A
 * refused change comes back to the page with the reason; nothing is half done.
 */
@Controller
@HtmlPages
class AdminPages {

	private final OfficeCatalog offices;

	private final Devices devices;

	private final StaffAccounts accounts;

	AdminPages(OfficeCatalog offices, Devices devices, StaffAccounts accounts) {
		this.offices = offices;
		this.devices = devices;
		this.accounts = accounts;
	}

	@GetMapping("/admin")
	String page(Model model) {
		model.addAttribute("offices", this.offices.all());
		model.addAttribute("devices", this.devices.all());
		model.addAttribute("accounts", this.accounts.all());
		model.addAttribute("roles", StaffRole.values());
		model.addAttribute("kinds", DeviceKind.values());
		return "staff/admin";
	}

	/** Registers the browser that sends this form, and opens its page. */
	@PostMapping("/admin/devices")
	String registerThisBrowser(@RequestParam String office, @RequestParam DeviceKind kind, @RequestParam String name,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		String officeId = this.offices.get(office).id();
		String trimmed = name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			throw new MadoguchiException(Kind.INVALID, "device-name-invalid");
		}
		Devices.Registered registered = this.devices.register(officeId, kind, trimmed);
		FloorDeviceCookie.write(request, response, registered.token());
		return "redirect:/" + ((kind == DeviceKind.DISPLAY) ? "display/" : "kiosk/") + officeId;
	}

	@PostMapping("/admin/devices/{id}/revoke")
	String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
		this.devices.revoke(id);
		return done(redirect, "admin.done.revoked");
	}

	@PostMapping("/admin/accounts")
	String create(@RequestParam String username, @RequestParam String password,
			@RequestParam(required = false) String office, @RequestParam StaffRole role, RedirectAttributes redirect) {
		String officeId = StringUtils.hasText(office) ? this.offices.get(office).id() : null;
		this.accounts.create(username, password, officeId, role);
		return done(redirect, "admin.done.created");
	}

	@PostMapping("/admin/accounts/{username}")
	String change(@PathVariable String username, @RequestParam String action,
			@RequestParam(required = false) StaffRole role, @AuthenticationPrincipal StaffPrincipal me,
			RedirectAttributes redirect) {
		switch (action) {
			case "enable" -> this.accounts.setEnabled(username, true);
			case "disable" -> {
				if (username.equals(me.getUsername())) {
					throw new MadoguchiException(Kind.CONFLICT, "account-not-yourself");
				}
				this.accounts.setEnabled(username, false);
			}
			case "unlock" -> this.accounts.unlock(username);
			case "role" -> {
				if (role == null) {
					throw new MadoguchiException(Kind.INVALID, "account-role-missing");
				}
				this.accounts.setRole(username, role);
			}
			default -> throw new MadoguchiException(Kind.INVALID, "account-action-unknown");
		}
		return done(redirect, "admin.done." + action);
	}

	private static String done(RedirectAttributes redirect, String message) {
		redirect.addFlashAttribute("done", message);
		return "redirect:/admin";
	}

}
