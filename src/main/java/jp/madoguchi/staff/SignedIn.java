package jp.madoguchi.staff;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After sign-in: the idle time starts, then the page the clerk asked for, or home. After
 * a failed one: the form again, saying until when the account is locked if it is.
 */
class SignedIn extends SavedRequestAwareAuthenticationSuccessHandler {

	private final StaffIdleTimeout idle;

	SignedIn(StaffIdleTimeout idle) {
		this.idle = idle;
		setDefaultTargetUrl("/staff");
	}

	/**
	 * A failed sign-in: back to the form, saying until when the account is locked when it
	 * is.
	 */
	static void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		String query = (ex instanceof VerifiedCredentials.AccountLocked locked)
				? "?locked=" + locked.until().toEpochMilli() : "?error";
		response.sendRedirect(request.getContextPath() + "/staff/login" + query);
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		this.idle.touch(request.getSession());
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
