package jp.madoguchi.staff;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** After sign-in: the idle time starts, then the page the clerk asked for, or home. */
class SignedIn extends SavedRequestAwareAuthenticationSuccessHandler {

	private final StaffIdleTimeout idle;

	SignedIn(StaffIdleTimeout idle) {
		this.idle = idle;
		setDefaultTargetUrl("/staff");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		this.idle.touch(request.getSession());
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
