package jp.madoguchi.staff;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jp.madoguchi.shared.Secrets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Registered kiosks and hall displays. A device's token is shown once when it is
 * registered; only its hash is kept.
 */
@Service
public class Devices {

	static final String TOKEN_PREFIX = "d1.";

	private final JdbcClient jdbc;

	private final Clock clock;

	Devices(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Registers a device and returns it with its token (the only time the token is seen).
	 */
	public Registered register(String office, DeviceKind kind, String name) {
		UUID id = UUID.randomUUID();
		String token = TOKEN_PREFIX + Secrets.randomToken(32);
		this.jdbc
			.sql("INSERT INTO device (id, office_id, kind, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, office, kind.name(), name, Secrets.hash(token), OffsetDateTime.now(this.clock))
			.update();
		return new Registered(new DevicePrincipal(id, office, kind, name), token);
	}

	Optional<DevicePrincipal> findByToken(String token) {
		return this.jdbc.sql("SELECT id, office_id, kind, name FROM device WHERE token_hash = ?")
			.param(Secrets.hash(token))
			.query((rs, row) -> new DevicePrincipal(rs.getObject(1, UUID.class), rs.getString(2),
					DeviceKind.valueOf(rs.getString(3)), rs.getString(4)))
			.optional();
	}

	public record Registered(DevicePrincipal device, String token) {
	}

}
