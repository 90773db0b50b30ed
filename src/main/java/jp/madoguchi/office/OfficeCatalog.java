package jp.madoguchi.office;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.shared.MadoguchiException.Kind;

import org.springframework.stereotype.Service;

/**
 * The offices this deployment serves. Definitions are read from their files into the
 * database when the application starts ({@code madoguchi.office.definitions}), then
 * served from memory.
 */
@Service
public class OfficeCatalog {

	private final Map<String, Office> offices = new ConcurrentHashMap<>();

	OfficeCatalog(OfficeStore store) {
		store.loadDefinitionFiles();
		store.findAll().forEach((definition) -> this.offices.put(definition.id(), new Office(definition)));
	}

	/** The office with this id, or a 404 problem. */
	public Office get(String id) {
		Office office = (id != null) ? this.offices.get(id) : null;
		if (office == null) {
			throw new MadoguchiException(Kind.NOT_FOUND, "unknown-office", id);
		}
		return office;
	}

	public Collection<Office> all() {
		return List.copyOf(this.offices.values());
	}

}
