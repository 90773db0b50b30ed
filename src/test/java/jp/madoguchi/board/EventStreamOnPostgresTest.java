package jp.madoguchi.board;

import jp.madoguchi.support.Postgres;

import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = Postgres.class)
class EventStreamOnPostgresTest extends EventStreamTests {

}
