package jp.madoguchi.notify;

/**
 * One way to reach a holder. A new channel (LINE, SMS) is a new bean of this type and a
 * choice on the take-a-ticket page.
 */
public interface Notifier {

	/** The channel's name, as stored with a contact ({@code email}, {@code push}). */
	String channel();

	/**
	 * What a browser needs to subscribe to this channel (Web Push: the application server
	 * key), if anything.
	 */
	default String browserKey() {
		return null;
	}

	/** Whether this instance is configured to send on this channel. */
	boolean available();

	/**
	 * Checks what the holder gave as their address and returns it as it will be stored.
	 * @throws jp.madoguchi.shared.MadoguchiException (422) when it cannot be used
	 */
	String normalizeAddress(String address);

	/**
	 * Sends a notice; returns normally once the channel accepted it.
	 * @throws NotifierException when it could not be delivered
	 */
	void send(String address, Notice notice) throws NotifierException;

	/** A notice the channel refused or could not take. */
	class NotifierException extends Exception {

		private static final long serialVersionUID = 1L;

		public NotifierException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
