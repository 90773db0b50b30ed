package jp.madoguchi.bench;

import jp.madoguchi.support.H2;

import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2.class)
class IssueEngineOnH2Benchmark extends IssueEngineBenchmark {

}
