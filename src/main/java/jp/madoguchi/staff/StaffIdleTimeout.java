package jp.madoguchi.staff;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a clerk out after a while without doing anything, so that an unattended counter
 * PC does not stay signed in. What counts is what the clerk does: a page's own refreshes
 * (sent with {@value #BACKGROUND_HEADER}) keep a counter screen current without keeping
 * it signed in. The time can be chosen per session (WCAG 2.2.1: at least ten times the
 * default), and the pages warn two minutes before with a button that extends it.
 */
@Component
public class StaffIdleTimeout {

	/** The header a page's script sends with requests the clerk did not make. */
	public static final String BACKGROUND_HEADER = "X-Background";

	static final String LAST_ACTIVITY = "mdg.lastActivity";

	static final String CHOSEN = "mdg.idleTimeout";

	/** How long a server keeps a session past the idle time (for clocks that differ). */
	private static final Duration MARGIN = Duration.ofMinutes(5);

	private final Clock clock;

	private final Duration standard;

	StaffIdleTimeout(Clock clock, @Value("${madoguchi.staff.idle-timeout:PT20M}") Duration standard) {
		this.clock = clock;
		this.standard = standard;
	}

	/** The times a clerk can choose: the standard, three times and twelve times it. */
	public List<Duration> choices() {
		return List.of(this.standard, this.standard.multipliedBy(3), this.standard.multipliedBy(12));
	}

	/** The idle time of this session. */
	public Duration of(HttpSession session) {
		Object chosen = (session != null) ? session.getAttribute(CHOSEN) : null;
		return (chosen instanceof Long minutes) ? Duration.ofMinutes(minutes) : this.standard;
	}

	/** Sets the idle time of this session to one of the {@link #choices()}. */
	public void choose(HttpSession session, Duration timeout) {
		if (!choices().contains(timeout)) {
			throw new IllegalArgumentException("Not a choice: " + timeout);
		}
		session.setAttribute(CHOSEN, timeout.toMinutes());
		session.setMaxInactiveInterval((int) timeout.plus(MARGIN).toSeconds());
		touch(session);
	}

	/** The clerk did something: the idle time starts again. */
	public void touch(HttpSession session) {
		session.setAttribute(LAST_ACTIVITY, this.clock.millis());
		if (session.getAttribute(CHOSEN) == null) {
			session.setMaxInactiveInterval((int) this.standard.plus(MARGIN).toSeconds());
		}
	}

	/** Seconds left before this session is signed out. */
	public long secondsLeft(HttpSession session) {
		Object last = session.getAttribute(LAST_ACTIVITY);
		long since = (last instanceof Long millis) ? this.clock.millis() - millis : 0;
		return Math.max(0, (of(session).toMillis() - since) / 1000);
	}

	OncePerRequestFilter filter() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				HttpSession session = request.getSession(false);
				if (session != null && session.getAttribute(LAST_ACTIVITY) != null) {
					if (secondsLeft(session) == 0) {
						session.invalidate();
						SecurityContextHolder.clearContext();
						if (request.getHeader(BACKGROUND_HEADER) != null) {
							response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
						}
						else {
							response.sendRedirect(request.getContextPath() + "/staff/login?idle");
						}
						return;
					}
					if (request.getHeader(BACKGROUND_HEADER) == null) {
						touch(session);
					}
				}
				chain.doFilter(request, response);
			}

		};
	}

}
