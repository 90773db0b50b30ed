package jp.madoguchi.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.zerodeplibs.webpush.PushSubscription;
import com.zerodeplibs.webpush.VAPIDKeyPair;
import com.zerodeplibs.webpush.VAPIDKeyPairs;
import com.zerodeplibs.webpush.httpclient.StandardHttpClientRequestPreparer;
import com.zerodeplibs.webpush.key.PrivateKeySources;
import com.zerodeplibs.webpush.key.PublicKeySources;
import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.shared.MadoguchiException.Kind;
import jp.madoguchi.shared.Secrets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Notices by Web Push (RFC 8030, encrypted per RFC 8291, VAPID per RFC 8292). The VAPID
 * key pair is made once and shared by every instance through the database; the browser
 * subscribes with its public half ({@link #publicKey()}).
 */
@Component
class WebPushNotifier implements Notifier {

	/**
	 * The push services of the browsers people use. Only these are posted to, so that a
	 * subscription cannot make the server call arbitrary hosts.
	 */
	static final String DEFAULT_HOSTS = "fcm.googleapis.com,updates.push.services.mozilla.com,"
			+ "web.push.apple.com,notify.windows.com";

	/** Real subscriptions are a few hundred characters; the column holds 2,000. */
	private static final int MAX_SUBSCRIPTION_LENGTH = 2000;

	private final VAPIDKeyPair keys;

	private final String subject;

	private final JsonMapper json;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<String> allowedHosts;

	WebPushNotifier(Secrets secrets, JsonMapper json,
			@Value("${madoguchi.notify.push-subject:mailto:madoguchi@localhost}") String subject,
			@Value("${madoguchi.notify.push-hosts:" + DEFAULT_HOSTS + "}") List<String> allowedHosts) {
		this.json = json;
		this.allowedHosts = List.copyOf(allowedHosts);
		this.subject = subject;
		String[] stored = secrets.named("vapid", WebPushNotifier::freshKeyPair).split("\\.");
		Base64.Decoder decoder = Base64.getUrlDecoder();
		this.keys = VAPIDKeyPairs.of(PrivateKeySources.ofPKCS8Bytes(decoder.decode(stored[0])),
				PublicKeySources.ofUncompressedBytes(decoder.decode(stored[1])));
	}

	/** A new P-256 key pair: PKCS#8 private key and uncompressed public point. */
	private static String freshKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			KeyPair pair = generator.generateKeyPair();
			byte[] publicPoint = PublicKeySources.ofECPublicKey((java.security.interfaces.ECPublicKey) pair.getPublic())
				.extractBytesInUncompressedForm();
			Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
			return encoder.encodeToString(pair.getPrivate().getEncoded()) + "." + encoder.encodeToString(publicPoint);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("No P-256 key generator", ex);
		}
	}

	/** The application server key browsers subscribe with (base64url). */
	@Override
	public String browserKey() {
		return this.keys.extractPublicKeyInUncompressedFormAsString();
	}

	@Override
	public String channel() {
		return "push";
	}

	@Override
	public boolean available() {
		return true;
	}

	@Override
	public String normalizeAddress(String address) {
		try {
			PushSubscription subscription = this.json.readValue(address, PushSubscription.class);
			URI endpoint = URI.create(subscription.getEndpoint());
			if (!isAllowed(endpoint) || subscription.getKeys() == null || subscription.getKeys().getP256dh() == null
					|| subscription.getKeys().getAuth() == null) {
				throw new MadoguchiException(Kind.INVALID, "push-subscription-invalid");
			}
			Map<String, Object> stored = new LinkedHashMap<>();
			stored.put("endpoint", endpoint.toString());
			stored.put("keys",
					Map.of("p256dh", subscription.getKeys().getP256dh(), "auth", subscription.getKeys().getAuth()));
			String normalized = this.json.writeValueAsString(stored);
			if (normalized.length() > MAX_SUBSCRIPTION_LENGTH) {
				throw new MadoguchiException(Kind.INVALID, "push-subscription-invalid");
			}
			return normalized;
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw new MadoguchiException(Kind.INVALID, "push-subscription-invalid");
		}
	}

	/**
	 * Whether an endpoint is on a known push service: https, or http on loopback (a push
	 * service run for tests).
	 */
	private boolean isAllowed(URI endpoint) {
		String host = endpoint.getHost();
		if (host == null) {
			return false;
		}
		boolean known = this.allowedHosts.stream()
			.anyMatch((allowed) -> host.equals(allowed) || host.endsWith("." + allowed));
		boolean loopback = host.equals("127.0.0.1") || host.equals("localhost");
		return known && ("https".equals(endpoint.getScheme()) || (loopback && "http".equals(endpoint.getScheme())));
	}

	@Override
	public void send(String address, Notice notice) throws NotifierException {
		try {
			PushSubscription subscription = this.json.readValue(address, PushSubscription.class);
			Map<String, String> payload = new LinkedHashMap<>();
			payload.put("kind", notice.kind().name().toLowerCase(java.util.Locale.ROOT));
			payload.put("title", notice.title());
			payload.put("body", notice.body());
			payload.put("url", notice.link());
			HttpRequest request = StandardHttpClientRequestPreparer.getBuilder()
				.pushSubscription(subscription)
				.vapidJWTExpiresAfter(12, TimeUnit.HOURS)
				.vapidJWTSubject(this.subject)
				.pushMessage(this.json.writeValueAsString(payload))
				.ttl(30, TimeUnit.MINUTES)
				.urgencyHigh()
				.build(this.keys)
				.toRequestBuilder()
				.timeout(Duration.ofSeconds(10))
				.build();
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 != 2) {
				throw new NotifierException("Push service answered " + response.statusCode(), null);
			}
		}
		catch (IOException ex) {
			throw new NotifierException("Push service unreachable", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NotifierException("Interrupted", ex);
		}
		catch (RuntimeException ex) {
			throw new NotifierException("Push message not built", ex);
		}
	}

}
