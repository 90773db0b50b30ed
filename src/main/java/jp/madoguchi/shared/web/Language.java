package jp.madoguchi.shared.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages of the screens. Adding one is adding a constant and its messages file;
 * Japanese is the default and what any missing text falls back to.
 *
 * @param code what the language switch and the cookie carry ({@code ?lang=vi})
 * @param htmlLang the {@code <html lang>}: やさしい日本語 is Japanese to a screen reader
 * @param locale what messages are looked up with
 * @param label the language's own name, shown in the switch
 */
public enum Language {

	JA("ja", "ja", Locale.JAPANESE, "日本語"),
	/** やさしい日本語: short sentences, common words, furigana on every kanji. */
	EASY_JA("ja-easy", "ja", Locale.of("ja", "JP", "easy"), "やさしい にほんご"), EN("en", "en", Locale.ENGLISH, "English"),
	ZH_CN("zh-CN", "zh-Hans", Locale.SIMPLIFIED_CHINESE, "中文（简体）"), KO("ko", "ko", Locale.KOREAN, "한국어"),
	VI("vi", "vi", Locale.of("vi"), "Tiếng Việt");

	private final String code;

	private final String htmlLang;

	private final Locale locale;

	private final String label;

	Language(String code, String htmlLang, Locale locale, String label) {
		this.code = code;
		this.htmlLang = htmlLang;
		this.locale = locale;
		this.label = label;
	}

	public String code() {
		return this.code;
	}

	public String htmlLang() {
		return this.htmlLang;
	}

	public Locale locale() {
		return this.locale;
	}

	public String label() {
		return this.label;
	}

	/** Whether its texts carry furigana that the reader can switch off. */
	public boolean hasFurigana() {
		return this == EASY_JA;
	}

	/**
	 * The language of a code in an office definition ({@code en}, {@code zh},
	 * {@code zh-CN}, ...), or null for one the application does not speak.
	 */
	public static Language fromCode(String code) {
		return ofCode(code).orElseGet(() -> Arrays.stream(values())
			.filter((language) -> language.locale.getLanguage().equalsIgnoreCase(code))
			.findFirst()
			.orElse(null));
	}

	/** The tag a speech synthesiser's voices are chosen by (e.g. {@code ja-JP}). */
	public String speechTag() {
		return switch (this) {
			case JA, EASY_JA -> "ja-JP";
			case EN -> "en-US";
			case ZH_CN -> "zh-CN";
			case KO -> "ko-KR";
			case VI -> "vi-VN";
		};
	}

	public static Optional<Language> ofCode(String code) {
		return Arrays.stream(values()).filter((language) -> language.code.equalsIgnoreCase(code)).findFirst();
	}

	/** The language of a locale resolved for a request; Japanese for any other. */
	public static Language of(Locale locale) {
		if (locale == null) {
			return JA;
		}
		for (Language language : values()) {
			if (language.locale.equals(locale)) {
				return language;
			}
		}
		return switch (locale.getLanguage()) {
			case "en" -> EN;
			case "zh" -> ZH_CN;
			case "ko" -> KO;
			case "vi" -> VI;
			default -> JA;
		};
	}

}
