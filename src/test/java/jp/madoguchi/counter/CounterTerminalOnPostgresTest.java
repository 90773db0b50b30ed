package jp.madoguchi.counter;

import jp.madoguchi.support.Postgres;

import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = Postgres.class)
class CounterTerminalOnPostgresTest extends CounterTerminalTests {

}
