package jp.madoguchi.ticketing;

import java.util.EnumSet;
import java.util.Set;

/** Where a ticket is in its life (see the README's ticket life diagram). */
public enum TicketState {

	/** A web ticket that holds its place but has not checked in. */
	ISSUED,
	/** In the line, present (checked in, or a paper ticket). */
	WAITING,
	/** Called to a counter. */
	CALLED,
	/** Being served at a counter. */
	SERVING,
	/** Called but did not come; may return within the grace time. */
	ABSENT,
	/** Served. */
	DONE,
	/** Cancelled by the holder or staff. */
	CANCELLED,
	/** Still open when the office closed. */
	EXPIRED;

	/** The states a ticket can still leave. */
	public static final Set<TicketState> OPEN = EnumSet.of(ISSUED, WAITING, CALLED, SERVING, ABSENT);

	public boolean isOpen() {
		return OPEN.contains(this);
	}

}
