package jp.madoguchi.staff;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.shared.ProblemWriter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates registered devices by {@code Authorization: Bearer d1.…} (API) or by the
 * cookie an administrator left in the device's browser ({@link FloorDeviceCookie}). Other
 * bearer tokens (a ticket holder's {@code t1.…}) pass through untouched: the ticket
 * endpoints check them.
 */
class DeviceTokenFilter extends OncePerRequestFilter {

	private final Devices devices;

	private final ProblemWriter problems;

	DeviceTokenFilter(Devices devices, ProblemWriter problems) {
		this.devices = devices;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token = tokenOf(request);
		if (token != null) {
			DevicePrincipal device = this.devices.findByToken(token).orElse(null);
			if (device == null && fromCookie(request)) {
				// revoked: the pages answer as to an unregistered browser
				chain.doFilter(request, response);
				return;
			}
			if (device == null) {
				this.problems.write(request, response, HttpStatus.UNAUTHORIZED, "device-token-invalid");
				return;
			}
			var authentication = new UsernamePasswordAuthenticationToken(device, null,
					List.of(new SimpleGrantedAuthority("ROLE_" + device.kind().name())));
			SecurityContextHolder.getContext().setAuthentication(authentication);
		}
		chain.doFilter(request, response);
	}

	/** The device token: from the Authorization header (API), or the browser's cookie. */
	private static String tokenOf(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.startsWith("Bearer " + Devices.TOKEN_PREFIX)) {
			return header.substring(7).trim();
		}
		String cookie = FloorDeviceCookie.read(request);
		return (cookie != null && cookie.startsWith(Devices.TOKEN_PREFIX)) ? cookie : null;
	}

	private static boolean fromCookie(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header == null || !header.startsWith("Bearer ");
	}

}
