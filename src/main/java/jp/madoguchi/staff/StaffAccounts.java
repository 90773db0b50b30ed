package jp.madoguchi.staff;

import java.time.Clock;
import java.time.OffsetDateTime;

import jp.madoguchi.shared.Secrets;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * Staff accounts. The first one, {@code admin}, gets its password from
 * {@code MADOGUCHI_ADMIN_PASSWORD} at every start; without it, a random password is made
 * once and written to the log.
 */
@Service
class StaffAccounts {

	private static final Log logger = LogFactory.getLog(StaffAccounts.class);

	static final String ADMIN = "admin";

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Clock clock;

	StaffAccounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock,
			@Value("${madoguchi.admin.password:}") String adminPassword) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
		ensureAdmin(adminPassword);
	}

	private void ensureAdmin(String password) {
		if (StringUtils.hasText(password)) {
			if (!exists(ADMIN)) {
				create(ADMIN, password, null, StaffRole.ADMIN);
			}
			this.jdbc.sql("UPDATE staff_account SET password_hash = ? WHERE username = ?")
				.params(this.passwords.encode(password), ADMIN)
				.update();
		}
		else if (!exists(ADMIN)) {
			String generated = Secrets.randomToken(12);
			create(ADMIN, generated, null, StaffRole.ADMIN);
			logger.warn("Created staff account 'admin' with password " + generated
					+ " (set MADOGUCHI_ADMIN_PASSWORD to choose it)");
		}
	}

	void create(String username, String password, String office, StaffRole role) {
		try {
			this.jdbc
				.sql("INSERT INTO staff_account (username, password_hash, office_id, role, enabled, created_at)"
						+ " VALUES (?, ?, ?, ?, TRUE, ?)")
				.params(username, this.passwords.encode(password), office, role.name(), OffsetDateTime.now(this.clock))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// created by another instance at the same moment
		}
	}

	private boolean exists(String username) {
		return this.jdbc.sql("SELECT COUNT(*) FROM staff_account WHERE username = ?")
			.param(username)
			.query(Integer.class)
			.single() > 0;
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

}
