package jp.madoguchi.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The test's clock, replacing the real one in every test application context. */
@TestConfiguration(proxyBeanMethods = false)
public class TestApplication {

	public static final String ADMIN_PASSWORD = "test-admin-password";

	@Bean
	@Primary
	TestClock testClock() {
		return new TestClock();
	}

}
