package jp.madoguchi.ticketing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeCatalog;
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

	/**
	 * How far back an old code is recognised to say why it no longer works (over a
	 * weekend and a holiday Monday).
	 */
	private static final Duration LOOKBACK = Duration.ofDays(4);

	private final Secrets secrets;

	private final OfficeCatalog offices;

	private final Clock clock;

	CheckInCodes(Secrets secrets, OfficeCatalog offices, Clock clock) {
		this.secrets = secrets;
		this.offices = offices;
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
		return verdict(office, code) == Verdict.VALID;
	}

	/**
	 * What a code typed or scanned now is: valid, or why not — so that the holder can be
	 * told "this code is from yesterday" rather than just "wrong".
	 */
	public Verdict verdict(Office office, String code) {
		if (code == null || code.isBlank()) {
			return Verdict.UNKNOWN;
		}
		String normalized = code.trim().toUpperCase(Locale.ROOT);
		Instant now = this.clock.instant();
		long slot = slotOf(office, now);
		if (Secrets.same(codeFor(office, slot), normalized) || Secrets.same(codeFor(office, slot - 1), normalized)) {
			return Verdict.VALID;
		}
		long slotsPerLookback = LOOKBACK.toMillis() / slotLength(office).toMillis();
		LocalDate today = LocalDate.ofInstant(now, office.zone());
		for (long earlier = slot - 2; earlier >= slot - slotsPerLookback; earlier--) {
			if (Secrets.same(codeFor(office, earlier), normalized)) {
				Instant shown = Instant.ofEpochMilli(earlier * slotLength(office).toMillis());
				return LocalDate.ofInstant(shown, office.zone()).equals(today) ? Verdict.EXPIRED : Verdict.OTHER_DAY;
			}
		}
		for (Office other : this.offices.all()) {
			long otherSlot = slotOf(other, now);
			if (!other.id().equals(office.id()) && (Secrets.same(codeFor(other, otherSlot), normalized)
					|| Secrets.same(codeFor(other, otherSlot - 1), normalized))) {
				return Verdict.OTHER_OFFICE;
			}
		}
		return Verdict.UNKNOWN;
	}

	/** What a check-in code turned out to be. */
	public enum Verdict {

		VALID, UNKNOWN,
		/** Shown earlier today: a photo, or the page was left open. */
		EXPIRED,
		/** Shown on an earlier day. */
		OTHER_DAY,
		/** Shown now at another office. */
		OTHER_OFFICE;

		/** The problem code a refusal uses. */
		public String problem() {
			return switch (this) {
				case VALID -> throw new IllegalStateException("A valid code is not a problem");
				case UNKNOWN -> "check-in-code-invalid";
				case EXPIRED -> "check-in-code-expired";
				case OTHER_DAY -> "check-in-code-other-day";
				case OTHER_OFFICE -> "check-in-code-other-office";
			};
		}

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
