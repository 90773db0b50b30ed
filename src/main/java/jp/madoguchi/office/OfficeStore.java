package jp.madoguchi.office;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads office definition files into the {@code office} table and reads them back. */
@Component
@EnableConfigurationProperties(OfficeProperties.class)
class OfficeStore {

	private static final Log logger = LogFactory.getLog(OfficeStore.class);

	private final JdbcClient jdbc;

	private final ResourceLoader resources;

	private final OfficeProperties properties;

	private final Clock clock;

	private final YAMLMapper yaml = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final JsonMapper json;

	OfficeStore(JdbcClient jdbc, ResourceLoader resources, OfficeProperties properties, Clock clock, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
		this.resources = resources;
		this.properties = properties;
		this.clock = clock;
	}

	void loadDefinitionFiles() {
		for (String location : this.properties.definitions()) {
			OfficeDefinition definition = read(this.resources.getResource(location));
			new Office(definition); // validates before anything is stored
			save(definition);
			logger.info("Office '" + definition.id() + "' loaded from " + location);
		}
	}

	List<OfficeDefinition> findAll() {
		return this.jdbc.sql("SELECT definition FROM office ORDER BY id")
			.query((rs, row) -> this.json.readValue(rs.getString(1), OfficeDefinition.class))
			.list();
	}

	private OfficeDefinition read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return this.yaml.readValue(in, OfficeDefinition.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read office definition " + resource, ex);
		}
	}

	private void save(OfficeDefinition definition) {
		String document = this.json.writeValueAsString(definition);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		int updated = this.jdbc.sql("UPDATE office SET definition = ?, updated_at = ? WHERE id = ?")
			.params(document, now, definition.id())
			.update();
		if (updated == 0) {
			try {
				this.jdbc.sql("INSERT INTO office (id, definition, updated_at) VALUES (?, ?, ?)")
					.params(definition.id(), document, now)
					.update();
			}
			catch (DuplicateKeyException ex) {
				// another instance inserted it at the same moment: its document is the
				// same file
			}
		}
	}

}
