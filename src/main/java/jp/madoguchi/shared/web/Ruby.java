package jp.madoguchi.shared.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Furigana in message texts, written as in Aozora Bunko: {@code ｜漢字《かんじ》}. The やさしい日本語
 * messages carry them; every other text passes through unchanged.
 */
public final class Ruby {

	private static final Pattern MARK = Pattern.compile("｜([^｜《》]+)《([^《》]+)》");

	private Ruby() {
	}

	/** The text as HTML: escaped, with {@code <ruby>} for each reading. */
	public static String toHtml(String text) {
		if (text == null) {
			return "";
		}
		Matcher matcher = MARK.matcher(text);
		StringBuilder html = new StringBuilder(text.length() + 32);
		int last = 0;
		while (matcher.find()) {
			html.append(HtmlUtils.htmlEscape(text.substring(last, matcher.start())));
			html.append("<ruby>")
				.append(HtmlUtils.htmlEscape(matcher.group(1)))
				.append("<rp>（</rp><rt>")
				.append(HtmlUtils.htmlEscape(matcher.group(2)))
				.append("</rt><rp>）</rp></ruby>");
			last = matcher.end();
		}
		html.append(HtmlUtils.htmlEscape(text.substring(last)));
		return html.toString();
	}

	/**
	 * The text without readings, for places that cannot hold markup (titles, labels,
	 * notifications).
	 */
	public static String plain(String text) {
		return (text != null) ? MARK.matcher(text).replaceAll("$1") : "";
	}

}
