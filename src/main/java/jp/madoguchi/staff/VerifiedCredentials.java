package jp.madoguchi.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jp.madoguchi.shared.Secrets;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks staff passwords, remembering for a few minutes the credentials it has verified.
 * A script or terminal that sends HTTP Basic with every request would otherwise pay a
 * BCrypt check (tens of milliseconds of CPU) each time. Only a hash of the credentials is
 * kept; a changed or revoked password stops working within {@link #REMEMBER}.
 */
@Component
class VerifiedCredentials implements AuthenticationProvider {

	static final Duration REMEMBER = Duration.ofMinutes(5);

	private static final int MAX_ENTRIES = 10_000;

	private final DaoAuthenticationProvider passwords;

	private final Clock clock;

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	VerifiedCredentials(StaffAccounts accounts, PasswordEncoder encoder, Clock clock) {
		this.passwords = new DaoAuthenticationProvider(accounts::loadUserByUsername);
		this.passwords.setPasswordEncoder(encoder);
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String key = Secrets.hash(authentication.getName() + "\u0000" + authentication.getCredentials());
		Instant now = this.clock.instant();
		Verified known = this.verified.get(key);
		if (known != null && now.isBefore(known.until())) {
			return known.authentication();
		}
		Authentication result = this.passwords.authenticate(authentication);
		if (this.verified.size() >= MAX_ENTRIES) {
			this.verified.clear();
		}
		this.verified.put(key, new Verified(result, now.plus(REMEMBER)));
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private record Verified(Authentication authentication, Instant until) {
	}

}
