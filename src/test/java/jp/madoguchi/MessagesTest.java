package jp.madoguchi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message exists in every language, and no translation is left empty. */
class MessagesTest {

	@ParameterizedTest
	@ValueSource(strings = { "en" })
	void everyLanguageHasEveryKey(String language) throws IOException {
		Properties japanese = load("messages.properties");
		Properties other = load("messages_" + language + ".properties");
		Set<String> missing = new java.util.TreeSet<>(japanese.stringPropertyNames());
		missing.removeAll(other.stringPropertyNames());
		Set<String> extra = new java.util.TreeSet<>(other.stringPropertyNames());
		extra.removeAll(japanese.stringPropertyNames());
		assertThat(missing).as("keys missing in " + language).isEmpty();
		assertThat(extra).as("keys only in " + language).isEmpty();
		other.forEach((key, value) -> assertThat(value.toString()).as(key.toString()).isNotBlank());
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
