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

	public boolean isOwner(UUID ticket, String token) {
		return Secrets.same(tokenFor(ticket), token);
	}

}
