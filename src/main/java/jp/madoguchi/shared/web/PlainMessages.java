package jp.madoguchi.shared.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;

/**
 * Messages for places that cannot show furigana (JSON problems, e-mail, notifications):
 * the readings of やさしい日本語 texts are dropped, the text is kept.
 */
public final class PlainMessages implements MessageSource {

	private final MessageSource messages;

	public PlainMessages(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
		String message = this.messages.getMessage(code, args, defaultMessage, locale);
		return (message != null) ? Ruby.plain(message) : null;
	}

	@Override
	public String getMessage(String code, Object[] args, Locale locale) {
		return Ruby.plain(this.messages.getMessage(code, args, locale));
	}

	@Override
	public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
		return Ruby.plain(this.messages.getMessage(resolvable, locale));
	}

}
