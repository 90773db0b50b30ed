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
 * Authenticates registered devices by {@code Authorization: Bearer d1.…}. Other bearer
 * tokens (a ticket holder's {@code t1.…}) pass through untouched: the ticket endpoints
 * check them.
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
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.startsWith("Bearer " + Devices.TOKEN_PREFIX)) {
			DevicePrincipal device = this.devices.findByToken(header.substring(7).trim()).orElse(null);
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

}
