package jp.madoguchi.ticketing;

import java.util.UUID;

import jp.madoguchi.shared.Secrets;

import org.springframework.stereotype.Component;

/**
 * The owner's token of a ticket: an HMAC of its id. Nothing is stored, any instance can
 * check it, and a retried issue gives the same token again.
 */
@Component
public class TicketTokens {

	private final Secrets secrets;

	TicketTokens(Secrets secrets) {
		this.secrets = secrets;
	}

	public String tokenFor(UUID ticket) {
		return "t1." + this.secrets.sign("ticket:" + ticket);
	}

	/**
	 * The ticket's four-digit PIN: with its number, it checks a web ticket in at the
	 * kiosk for someone who cannot show the QR code. Derived like the token, so nothing
	 * is stored; the kiosk limits the tries.
	 */
	public String pinFor(UUID ticket) {
		String signature = this.secrets.sign("pin:" + ticket);
		int value = 0;
		for (int i = 0; i < 8; i++) {
			value = (value * 31 + signature.charAt(i)) % 10_000;
		}
		return String.format(java.util.Locale.ROOT, "%04d", value);
	}

	public boolean isOwner(UUID ticket, String token) {
		return Secrets.same(tokenFor(ticket), token);
	}

}
