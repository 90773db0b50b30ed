package jp.madoguchi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jp.madoguchi.shared.web.Language;
import jp.madoguchi.shared.web.Ruby;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message exists in every language with the same placeholders; no template holds a
 * user-facing text of its own.
 */
class MessagesTest {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	@ParameterizedTest
	@EnumSource(Language.class)
	void everyLanguageHasEveryKeyWithTheSamePlaceholders(Language language) throws IOException {
		Properties japanese = load(Language.JA);
		Properties other = load(language);
		Set<String> missing = new TreeSet<>(japanese.stringPropertyNames());
		missing.removeAll(other.stringPropertyNames());
		Set<String> extra = new TreeSet<>(other.stringPropertyNames());
		extra.removeAll(japanese.stringPropertyNames());
		assertThat(missing).as("keys missing in " + language).isEmpty();
		assertThat(extra).as("keys only in " + language).isEmpty();
		for (String key : japanese.stringPropertyNames()) {
			String value = other.getProperty(key);
			assertThat(value).as(key).isNotBlank();
			assertThat(placeholders(value)).as(language + " " + key).isEqualTo(placeholders(japanese.getProperty(key)));
			if (!placeholders(value).isEmpty()) {
				// messages with arguments go through MessageFormat: it must parse them
				new MessageFormat(value);
			}
		}
	}

	@Test
	void furiganaMarksAreWellFormed() throws IOException {
		Properties easy = load(Language.EASY_JA);
		for (String key : easy.stringPropertyNames()) {
			String plain = Ruby.plain(easy.getProperty(key));
			assertThat(plain).as(key).doesNotContain("｜", "《", "》");
		}
	}

	@Test
	void templatesHoldNoTextOfTheirOwn() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".html")).toList()) {
				String html = Files.readString(file).replaceAll("(?s)<!--.*?-->", "");
				String text = html.replaceAll("(?s)<script.*?</script>", "").replaceAll("(?s)<[^>]*>", " ");
				for (String word : text.split("\\s+")) {
					if (word.codePoints().anyMatch(Character::isLetter) && !word.startsWith("&")) {
						found.add(TEMPLATES.relativize(file) + ": " + word);
					}
				}
				Matcher attribute = Pattern.compile("\\s(aria-label|title|alt|placeholder)=\"([^\"]*)\"").matcher(html);
				while (attribute.find()) {
					if (attribute.group(2).codePoints().anyMatch(Character::isLetter)) {
						found.add(TEMPLATES.relativize(file) + ": " + attribute.group());
					}
				}
			}
		}
		assertThat(found).as("text written in templates instead of the message files").isEmpty();
	}

	@Test
	void templatesUseOnlyExistingKeys() throws IOException {
		Properties japanese = load(Language.JA);
		List<String> unknown = new ArrayList<>();
		Pattern key = Pattern.compile("#\\{([a-z][a-zA-Z0-9.-]*[a-zA-Z0-9])[}(]");
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".html")).toList()) {
				Matcher matcher = key.matcher(Files.readString(file));
				while (matcher.find()) {
					if (!japanese.containsKey(matcher.group(1))) {
						unknown.add(TEMPLATES.relativize(file) + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(unknown).isEmpty();
	}

	private static Set<String> placeholders(String message) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(message);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	static Properties load(Language language) throws IOException {
		String name = (language == Language.JA) ? "messages.properties"
				: "messages_" + language.locale() + ".properties";
		Properties properties = new Properties();
		try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
