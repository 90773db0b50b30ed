package jp.madoguchi.ticketing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jp.madoguchi.office.Office;
import jp.madoguchi.shared.Secrets;

import org.springframework.stereotype.Component;

/**
 * The check-in code shown in the hall: six characters signed for one office and one time
 * slot ({@code checkInCodeMinutes} long). A code is accepted during its slot and the
 * next, so a photo of the display stops working within two slots, and a code of another
 * office or day never works.
 */
@Component
public class CheckInCodes {

	static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final int LENGTH = 6;

	private final Secrets secrets;

	private final Clock clock;

	CheckInCodes(Secrets secrets, Clock clock) {
		this.secrets = secrets;
		this.clock = clock;
	}

	/** The code to show now, and until when it is shown. */
	public Code current(Office office) {
		Instant now = this.clock.instant();
		long slot = slotOf(office, now);
		Duration length = slotLength(office);
		return new Code(codeFor(office, slot), Instant.ofEpochMilli((slot + 1) * length.toMillis()),
				Instant.ofEpochMilli((slot + 2) * length.toMillis()));
	}

	/** Whether a code typed or scanned now is valid for the office. */
	public boolean isValid(Office office, String code) {
		if (code == null) {
			return false;
		}
		String normalized = code.trim().toUpperCase(Locale.ROOT);
		long slot = slotOf(office, this.clock.instant());
		return Secrets.same(codeFor(office, slot), normalized) || Secrets.same(codeFor(office, slot - 1), normalized);
	}

	private String codeFor(Office office, long slot) {
		String signature = this.secrets.sign("check-in:" + office.id() + ":" + slot);
		StringBuilder code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(signature.charAt(i) % ALPHABET.length()));
		}
		return code.toString();
	}

	private static long slotOf(Office office, Instant now) {
		return now.toEpochMilli() / slotLength(office).toMillis();
	}

	private static Duration slotLength(Office office) {
		return Duration.ofMinutes(Math.max(1, office.rules().checkInCodeMinutes()));
	}

	/**
	 * A check-in code.
	 *
	 * @param code what to show and type
	 * @param changesAt when the display should show the next code
	 * @param validUntil when this code stops being accepted
	 */
	public record Code(String code, Instant changesAt, Instant validUntil) {
	}

}
