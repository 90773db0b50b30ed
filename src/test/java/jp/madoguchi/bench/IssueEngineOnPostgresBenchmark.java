package jp.madoguchi.bench;

import jp.madoguchi.support.Postgres;

import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = Postgres.class)
class IssueEngineOnPostgresBenchmark extends IssueEngineBenchmark {

}
