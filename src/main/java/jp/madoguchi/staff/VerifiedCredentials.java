package jp.madoguchi.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jp.madoguchi.shared.Secrets;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Checks staff passwords, for the sign-in form and for HTTP Basic alike.
 *
 * <p>
 * A locked account is refused before its password is even checked; each wrong password
 * counts towards the lock ({@link StaffAccounts}). The credentials verified are
 * remembered for a few minutes: a script that sends HTTP Basic with every request would
 * otherwise pay a BCrypt check (tens of milliseconds of CPU) each time. Only a hash of
 * the credentials is kept; a changed or revoked password stops working within
 * {@link #REMEMBER}, at once on the instance where an administrator changed the account.
 */
@Component
class VerifiedCredentials implements AuthenticationProvider {

	static final Duration REMEMBER = Duration.ofMinutes(5);

	private static final int MAX_ENTRIES = 10_000;

	private final DaoAuthenticationProvider passwords;

	private final StaffAccounts accounts;

	private final Clock clock;

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	VerifiedCredentials(StaffAccounts accounts, PasswordEncoder encoder, Clock clock,
			FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
		this.accounts = accounts;
		this.passwords = new DaoAuthenticationProvider(accounts::loadUserByUsername);
		this.passwords.setPasswordEncoder(encoder);
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String key = key(username, String.valueOf(authentication.getCredentials()));
		Instant now = this.clock.instant();
		Verified known = this.verified.get(key);
		if (known != null && now.isBefore(known.until())) {
			return known.authentication();
		}
		this.accounts.lockedUntil(username).ifPresent((until) -> {
			throw new AccountLocked(until);
		});
		Authentication result;
		try {
			result = this.passwords.authenticate(authentication);
		}
		catch (BadCredentialsException ex) {
			this.accounts.recordFailure(username);
			// the failure that locks the account says so at once
			this.accounts.lockedUntil(username).ifPresent((until) -> {
				throw new AccountLocked(until);
			});
			throw ex;
		}
		this.accounts.recordSuccess(username);
		if (this.verified.size() >= MAX_ENTRIES) {
			this.verified.clear();
		}
		this.verified.put(key, new Verified(username, result, now.plus(REMEMBER)));
		return result;
	}

	/**
	 * Forgets what was verified for an account an administrator has just changed, and
	 * ends its sessions on every instance (they are in the database).
	 */
	@EventListener
	void on(StaffAccounts.AccountChanged changed) {
		this.verified.values().removeIf((known) -> known.username().equals(changed.username()));
		this.sessions.findByPrincipalName(changed.username()).keySet().forEach(this.sessions::deleteById);
	}

	private static String key(String username, String password) {
		return Secrets.hash(username + "\u0000" + password);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private record Verified(String username, Authentication authentication, Instant until) {
	}

	/** Sign-in refused because of earlier failures; says until when. */
	static final class AccountLocked extends LockedException {

		private static final long serialVersionUID = 1L;

		private final transient Instant until;

		AccountLocked(Instant until) {
			super("Locked until " + until);
			this.until = until;
		}

		Instant until() {
			return this.until;
		}

	}

}
