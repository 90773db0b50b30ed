package jp.madoguchi.office;

import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A text in several languages, keyed by language tag ({@code ja}, {@code en}, ...).
 * Japanese is required and is what any other language falls back to.
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

	public String in(Locale locale) {
		return this.texts.getOrDefault(locale.getLanguage(), ja());
	}

}
