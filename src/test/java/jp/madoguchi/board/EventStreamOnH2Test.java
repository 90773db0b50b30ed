package jp.madoguchi.board;

import jp.madoguchi.support.H2;

import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2.class)
class EventStreamOnH2Test extends EventStreamTests {

}
