package jp.madoguchi.shared;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/** Which database the application runs on: the embedded H2 default, or PostgreSQL. */
@Component
public class Database {

	private final boolean postgres;

	Database(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
	}

	/**
	 * PostgreSQL: several instances may share it, so changes are announced with NOTIFY.
	 */
	public boolean isPostgres() {
		return this.postgres;
	}

}
