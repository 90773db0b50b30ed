package jp.madoguchi.support;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A push service on loopback standing in for a browser vendor's, with a browser's
 * subscription keys: it accepts pushes, checks their VAPID signature and decrypts them
 * (RFC 8291, aes128gcm) as the browser would, so a test reads what the phone would show.
 */
public final class FakePushService implements AutoCloseable {

	private final HttpServer server;

	private final KeyPair browserKeys;

	private final byte[] authSecret = new byte[16];

	private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

	public FakePushService() throws IOException, GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		this.browserKeys = generator.generateKeyPair();
		new SecureRandom().nextBytes(this.authSecret);
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/push/", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			this.deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("Authorization"),
					exchange.getRequestHeaders().getFirst("Content-Encoding"),
					exchange.getRequestHeaders().getFirst("TTL"), body));
			exchange.sendResponseHeaders(201, -1);
			exchange.close();
		});
		this.server.start();
	}

	/** The subscription JSON a browser's PushManager would give for this service. */
	public String subscription() {
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		return "{\"endpoint\":\"http://127.0.0.1:" + this.server.getAddress().getPort()
				+ "/push/abc123\",\"expirationTime\":null,\"keys\":{\"p256dh\":\""
				+ b64.encodeToString(uncompressed((ECPublicKey) this.browserKeys.getPublic())) + "\",\"auth\":\""
				+ b64.encodeToString(this.authSecret) + "\"}}";
	}

	public List<Delivery> deliveries() {
		return this.deliveries;
	}

	/** Decrypts a delivered message with the browser's keys. */
	public String decrypt(Delivery delivery) throws GeneralSecurityException {
		ByteBuffer body = ByteBuffer.wrap(delivery.body());
		byte[] salt = new byte[16];
		body.get(salt);
		body.getInt();
		byte[] serverKey = new byte[body.get() & 0xff];
		body.get(serverKey);
		byte[] cipherText = new byte[body.remaining()];
		body.get(cipherText);

		KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
		agreement.init(this.browserKeys.getPrivate());
		agreement.doPhase(publicKey(serverKey), true);
		byte[] ecdhSecret = agreement.generateSecret();
		byte[] browserPublic = uncompressed((ECPublicKey) this.browserKeys.getPublic());
		byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), browserPublic, serverKey);
		byte[] ikm = expand(hmac(this.authSecret, ecdhSecret), keyInfo, 32);
		byte[] prk = hmac(salt, ikm);
		byte[] cek = expand(prk, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
		byte[] nonce = expand(prk, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
		byte[] padded = cipher.doFinal(cipherText);
		int end = padded.length - 1;
		while (padded[end] == 0) {
			end--;
		}
		if (padded[end] != 2) {
			throw new GeneralSecurityException("Not the last record");
		}
		return new String(padded, 0, end, StandardCharsets.UTF_8);
	}

	/**
	 * Whether the VAPID header is signed by the given application server key for this
	 * service.
	 */
	public boolean isSignedBy(Delivery delivery, String applicationServerKey) throws GeneralSecurityException {
		String header = delivery.authorization();
		String jwt = header.replaceAll(".*t=([^,\\s]+).*", "$1");
		String key = header.replaceAll(".*k=([^,\\s]+).*", "$1");
		if (!key.equals(applicationServerKey)) {
			return false;
		}
		String[] parts = jwt.split("\\.");
		String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		if (!claims.contains("\"aud\":\"http://127.0.0.1:" + this.server.getAddress().getPort() + "\"")) {
			return false;
		}
		Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
		signature.initVerify(publicKey(Base64.getUrlDecoder().decode(key)));
		signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
		return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
	}

	private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(data);
	}

	/** HKDF-Expand for one block. */
	private static byte[] expand(byte[] prk, byte[] info, int length) throws GeneralSecurityException {
		return Arrays.copyOf(hmac(prk, concat(info, new byte[] { 1 })), length);
	}

	private static byte[] concat(byte[]... parts) {
		ByteBuffer all = ByteBuffer.allocate(Arrays.stream(parts).mapToInt((p) -> p.length).sum());
		Arrays.stream(parts).forEach(all::put);
		return all.array();
	}

	private static byte[] uncompressed(ECPublicKey key) {
		return concat(new byte[] { 4 }, unsigned32(key.getW().getAffineX()), unsigned32(key.getW().getAffineY()));
	}

	private static byte[] unsigned32(BigInteger value) {
		byte[] raw = value.toByteArray();
		byte[] fixed = new byte[32];
		int copy = Math.min(raw.length, 32);
		System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
		return fixed;
	}

	private PublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
		ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
				new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
		return KeyFactory.getInstance("EC")
			.generatePublic(new ECPublicKeySpec(point, ((ECPublicKey) this.browserKeys.getPublic()).getParams()));
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	public record Delivery(String authorization, String encoding, String ttl, byte[] body) {
	}

}
