package jp.madoguchi.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default database, H2 in PostgreSQL mode, in memory: one database per
 * application context. Use as {@code @ContextConfiguration(initializers = H2.class)}.
 */
public class H2 implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/**
	 * The application's H2 settings (as in {@code application.yaml}, without its file
	 * options), for a URL of a test's own.
	 */
	public static final String SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
			+ ";QUERY_CACHE_SIZE=64";

	private static final AtomicInteger databases = new AtomicInteger();

	public static String newDatabase() {
		return "jdbc:h2:mem:madoguchi" + databases.incrementAndGet() + SETTINGS + ";DB_CLOSE_DELAY=-1";
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues
			.of("spring.datasource.url=" + newDatabase(), "spring.datasource.username=sa",
					"spring.datasource.password=")
			.applyTo(context);
	}

}
