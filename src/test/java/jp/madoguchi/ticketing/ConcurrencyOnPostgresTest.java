package jp.madoguchi.ticketing;

import jp.madoguchi.support.Postgres;

import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = Postgres.class)
class ConcurrencyOnPostgresTest extends ConcurrencyTests {

}
