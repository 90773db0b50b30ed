package jp.madoguchi.notify;

/**
 * What a holder is told, already in their language.
 *
 * @param kind why
 * @param title a short line (a notification's title, a mail's subject)
 * @param body the text
 * @param link the ticket page, with the ticket's token so that it opens anywhere
 */
public record Notice(Kind kind, String title, String body, String link) {

	public enum Kind {

		/** Time to leave so as to arrive shortly before the call. */
		LEAVE,
		/** Called to a counter. */
		CALLED

	}

}
