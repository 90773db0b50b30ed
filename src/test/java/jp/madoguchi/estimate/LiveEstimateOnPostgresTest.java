package jp.madoguchi.estimate;

import jp.madoguchi.support.Postgres;

import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = Postgres.class)
class LiveEstimateOnPostgresTest extends LiveEstimateTests {

}
