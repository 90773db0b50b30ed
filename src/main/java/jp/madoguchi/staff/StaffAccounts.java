package jp.madoguchi.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.shared.MadoguchiException.Kind;
import jp.madoguchi.shared.Secrets;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Staff accounts. The first one, {@code admin}, gets its password from
 * {@code MADOGUCHI_ADMIN_PASSWORD} at every start; without it, a random password is made
 * once and written to the log.
 *
 * <p>
 * Repeated wrong passwords lock an account for a while: from the
 * {@value #FREE_FAILURES}th failure in a row, for one minute, doubling with each further
 * failure up to an hour. An administrator can unlock it at once.
 */
@Service
public class StaffAccounts {

	private static final Log logger = LogFactory.getLog(StaffAccounts.class);

	static final String ADMIN = "admin";

	/** Failures in a row that cost nothing but a warning. */
	static final int FREE_FAILURES = 4;

	static final Duration LONGEST_LOCK = Duration.ofHours(1);

	static final int MIN_PASSWORD_LENGTH = 12;

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	StaffAccounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, ApplicationEventPublisher events,
			@Value("${madoguchi.admin.password:}") String adminPassword) {
		this.jdbc = jdbc;
		this.events = events;
		this.passwords = passwords;
		this.clock = clock;
		ensureAdmin(adminPassword);
	}

	private void ensureAdmin(String password) {
		if (StringUtils.hasText(password)) {
			if (!exists(ADMIN)) {
				insert(ADMIN, password, null, StaffRole.ADMIN);
			}
			this.jdbc.sql("UPDATE staff_account SET password_hash = ? WHERE username = ?")
				.params(this.passwords.encode(password), ADMIN)
				.update();
		}
		else if (!exists(ADMIN)) {
			String generated = Secrets.randomToken(12);
			insert(ADMIN, generated, null, StaffRole.ADMIN);
			logger.warn("Created staff account 'admin' with password " + generated
					+ " (set MADOGUCHI_ADMIN_PASSWORD to choose it)");
		}
	}

	/**
	 * Creates an account.
	 * @param office the office the account works for, or null for every office
	 * @throws MadoguchiException when the name is taken or not allowed, or the password
	 * too short
	 */
	public void create(String username, String password, String office, StaffRole role) {
		String name = (username != null) ? username.trim() : "";
		if (!USERNAME.matcher(name).matches()) {
			throw new MadoguchiException(Kind.INVALID, "account-name-invalid");
		}
		if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH
				|| password.length() > 200) {
			throw new MadoguchiException(Kind.INVALID, "account-password-short", MIN_PASSWORD_LENGTH);
		}
		if (exists(name) || !insert(name, password, office, role)) {
			throw new MadoguchiException(Kind.CONFLICT, "account-name-taken", name);
		}
	}

	private boolean insert(String username, String password, String office, StaffRole role) {
		try {
			this.jdbc
				.sql("INSERT INTO staff_account (username, password_hash, office_id, role, enabled, created_at)"
						+ " VALUES (?, ?, ?, ?, TRUE, ?)")
				.params(username, this.passwords.encode(password), office, role.name(), OffsetDateTime.now(this.clock))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			// created by another instance at the same moment
			return false;
		}
	}

	private boolean exists(String username) {
		return this.jdbc.sql("SELECT COUNT(*) FROM staff_account WHERE username = ?")
			.param(username)
			.query(Integer.class)
			.single() > 0;
	}

	/** Every account, by name. */
	public List<Account> all() {
		return this.jdbc
			.sql("SELECT username, office_id, role, enabled, failed_attempts, locked_until FROM staff_account"
					+ " ORDER BY username")
			.query((rs, row) -> new Account(rs.getString(1), rs.getString(2), StaffRole.valueOf(rs.getString(3)),
					rs.getBoolean(4), rs.getInt(5),
					Optional.ofNullable(rs.getObject(6, OffsetDateTime.class))
						.map(OffsetDateTime::toInstant)
						.filter((until) -> until.isAfter(this.clock.instant()))
						.orElse(null)))
			.list();
	}

	public Optional<Account> find(String username) {
		return all().stream().filter((account) -> account.username().equals(username)).findFirst();
	}

	/**
	 * Enables or disables an account. The last enabled administrator cannot be disabled.
	 */
	@Transactional
	public void setEnabled(String username, boolean enabled) {
		Account account = require(username);
		if (!enabled && account.role() == StaffRole.ADMIN) {
			requireAnotherAdmin(username);
		}
		this.jdbc.sql("UPDATE staff_account SET enabled = ? WHERE username = ?").params(enabled, username).update();
		this.events.publishEvent(new AccountChanged(username));
	}

	/** Gives an account another role. The last administrator keeps theirs. */
	@Transactional
	public void setRole(String username, StaffRole role) {
		Account account = require(username);
		if (account.role() == StaffRole.ADMIN && role != StaffRole.ADMIN) {
			requireAnotherAdmin(username);
		}
		this.jdbc.sql("UPDATE staff_account SET role = ? WHERE username = ?").params(role.name(), username).update();
		this.events.publishEvent(new AccountChanged(username));
	}

	/** Lifts a lock after failed sign-ins. */
	public void unlock(String username) {
		require(username);
		this.jdbc.sql("UPDATE staff_account SET failed_attempts = 0, locked_until = NULL WHERE username = ?")
			.param(username)
			.update();
	}

	private Account require(String username) {
		return find(username).orElseThrow(() -> new MadoguchiException(Kind.NOT_FOUND, "account-unknown"));
	}

	private void requireAnotherAdmin(String username) {
		boolean another = all().stream()
			.anyMatch((a) -> a.enabled() && a.role() == StaffRole.ADMIN && !a.username().equals(username));
		if (!another) {
			throw new MadoguchiException(Kind.CONFLICT, "account-last-admin");
		}
	}

	/** Until when the account is locked after failed sign-ins, if it is. */
	Optional<Instant> lockedUntil(String username) {
		return this.jdbc.sql("SELECT locked_until FROM staff_account WHERE username = ?")
			.param(username)
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
			.optional()
			.flatMap((until) -> until)
			.map(OffsetDateTime::toInstant)
			.filter((until) -> until.isAfter(this.clock.instant()));
	}

	/** A wrong password: counts it, and locks the account when there were too many. */
	@Transactional
	void recordFailure(String username) {
		int updated = this.jdbc.sql("UPDATE staff_account SET failed_attempts = failed_attempts + 1 WHERE username = ?")
			.param(username)
			.update();
		if (updated == 0) {
			return;
		}
		int failures = this.jdbc.sql("SELECT failed_attempts FROM staff_account WHERE username = ?")
			.param(username)
			.query(Integer.class)
			.single();
		if (failures > FREE_FAILURES) {
			this.jdbc.sql("UPDATE staff_account SET locked_until = ? WHERE username = ?")
				.params(OffsetDateTime.now(this.clock).plus(lockFor(failures)), username)
				.update();
		}
	}

	/** One minute after the first failure past the free ones, doubling up to an hour. */
	static Duration lockFor(int failures) {
		int doublings = Math.min(failures - FREE_FAILURES - 1, 6);
		Duration lock = Duration.ofMinutes(1L << doublings);
		return (lock.compareTo(LONGEST_LOCK) > 0) ? LONGEST_LOCK : lock;
	}

	/** A right password: the count of failures starts again. */
	void recordSuccess(String username) {
		this.jdbc
			.sql("UPDATE staff_account SET failed_attempts = 0, locked_until = NULL"
					+ " WHERE username = ? AND failed_attempts > 0")
			.param(username)
			.update();
	}

	/** The account, as Spring Security checks a password against it. */
	UserDetails loadUserByUsername(String username) {
		return this.jdbc
			.sql("SELECT username, password_hash, enabled, office_id, role FROM staff_account WHERE username = ?")
			.param(username)
			.query((rs, row) -> new StaffPrincipal(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
					StaffRole.valueOf(rs.getString(5))))
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

	/**
	 * An account was disabled or given another role: its sessions end and what was
	 * verified of its password is forgotten, so the change holds at once.
	 */
	record AccountChanged(String username) {
	}

	/**
	 * A staff account as administrators see it.
	 *
	 * @param office the office it works for, or null for every office
	 * @param lockedUntil until when it is locked after failed sign-ins, or null
	 */
	public record Account(String username, String office, StaffRole role, boolean enabled, int failedAttempts,
			Instant lockedUntil) {

		public boolean locked() {
			return this.lockedUntil != null;
		}

	}

}
