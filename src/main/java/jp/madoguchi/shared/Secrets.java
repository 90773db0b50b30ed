package jp.madoguchi.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The HMAC key behind ticket links and check-in codes. It is made at first start and kept
 * in the database, so that every instance signs and checks the same way.
 */
@Component
public class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final byte[] key;

	private final JdbcClient jdbc;

	Secrets(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.key = Base64.getDecoder().decode(loadOrCreate(jdbc, "hmac", () -> {
			byte[] fresh = new byte[32];
			RANDOM.nextBytes(fresh);
			return Base64.getEncoder().encodeToString(fresh);
		}));
	}

	/**
	 * A secret shared by every instance, made by {@code fresh} the first time it is asked
	 * for (by whichever instance comes first).
	 */
	public String named(String name, Supplier<String> fresh) {
		return loadOrCreate(this.jdbc, name, fresh);
	}

	private static String loadOrCreate(JdbcClient jdbc, String name, Supplier<String> fresh) {
		String existing = find(jdbc, name);
		if (existing != null) {
			return existing;
		}
		try {
			jdbc.sql("INSERT INTO app_secret (name, secret) VALUES (?, ?)").params(name, fresh.get()).update();
		}
		catch (DuplicateKeyException ex) {
			// another instance made it first: use theirs
		}
		return find(jdbc, name);
	}

	private static String find(JdbcClient jdbc, String name) {
		return jdbc.sql("SELECT secret FROM app_secret WHERE name = ?")
			.param(name)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/** HMAC-SHA256 of a message, base64url without padding. */
	public String sign(String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Compares two strings in constant time. */
	public static boolean same(String a, String b) {
		return a != null && b != null
				&& MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

	/** A random token, base64url, of {@code bytes} random bytes. */
	public static String randomToken(int bytes) {
		byte[] raw = new byte[bytes];
		RANDOM.nextBytes(raw);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
	}

	/** SHA-256 of a token, hex; what is stored instead of a token. */
	public static String hash(String token) {
		try {
			return java.util.HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
