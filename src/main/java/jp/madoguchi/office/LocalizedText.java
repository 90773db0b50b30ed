package jp.madoguchi.office;

import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jp.madoguchi.shared.web.Language;

/**
 * A text in several languages, keyed by language tag ({@code ja}, {@code en}, ...).
 * Japanese is required; see {@link #in(Locale)} for what a missing language falls back
 * to.
 */
public record LocalizedText(Map<String, String> texts) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public LocalizedText {
		texts = Map.copyOf(texts);
	}

	@JsonValue
	public Map<String, String> texts() {
		return this.texts;
	}

	public String ja() {
		return this.texts.get("ja");
	}

	/**
	 * The text in a language, by its code first ({@code ja-easy}: やさしい日本語 with furigana
	 * marks), then by its language; a reader of a language the definition lacks gets
	 * English when there is some (foreign residents read it more often than Japanese),
	 * else Japanese.
	 */
	public String in(Locale locale) {
		String language = locale.getLanguage();
		String text = this.texts.get(Language.of(locale).code());
		if (text == null) {
			text = this.texts.get(language);
		}
		if (text != null) {
			return text;
		}
		return "ja".equals(language) ? ja() : this.texts.getOrDefault("en", ja());
	}

}
