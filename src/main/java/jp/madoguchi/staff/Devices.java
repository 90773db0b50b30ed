package jp.madoguchi.staff;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.shared.MadoguchiException.Kind;
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

	private final Map<String, Known> known = new ConcurrentHashMap<>();

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

	/**
	 * The device with this token; devices are remembered for a minute after a look-up.
	 */
	Optional<DevicePrincipal> findByToken(String token) {
		String hash = Secrets.hash(token);
		Instant now = this.clock.instant();
		Known known = this.known.get(hash);
		if (known != null && now.isBefore(known.until())) {
			return Optional.of(known.device());
		}
		Optional<DevicePrincipal> found = lookUp(hash);
		found.ifPresent((device) -> {
			if (this.known.size() > 10_000) {
				this.known.clear();
			}
			this.known.put(hash, new Known(device, now.plusSeconds(60)));
		});
		return found;
	}

	private Optional<DevicePrincipal> lookUp(String hash) {
		return this.jdbc.sql("SELECT id, office_id, kind, name FROM device WHERE token_hash = ? AND revoked_at IS NULL")
			.param(hash)
			.query((rs, row) -> new DevicePrincipal(rs.getObject(1, UUID.class), rs.getString(2),
					DeviceKind.valueOf(rs.getString(3)), rs.getString(4)))
			.optional();
	}

	/** The devices of the offices, newest first, revoked ones left out. */
	public List<DevicePrincipal> all() {
		return this.jdbc
			.sql("SELECT id, office_id, kind, name FROM device WHERE revoked_at IS NULL"
					+ " ORDER BY office_id, created_at DESC")
			.query((rs, row) -> new DevicePrincipal(rs.getObject(1, UUID.class), rs.getString(2),
					DeviceKind.valueOf(rs.getString(3)), rs.getString(4)))
			.list();
	}

	/**
	 * Revokes a device: its pages stop opening at once on this instance and within a
	 * minute on the others.
	 */
	public void revoke(UUID id) {
		int revoked = this.jdbc.sql("UPDATE device SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
			.params(OffsetDateTime.now(this.clock), id)
			.update();
		if (revoked == 0) {
			throw new MadoguchiException(Kind.NOT_FOUND, "device-unknown");
		}
		this.known.values().removeIf((known) -> known.device().id().equals(id));
	}

	public record Registered(DevicePrincipal device, String token) {
	}

	private record Known(DevicePrincipal device, Instant until) {
	}

}
