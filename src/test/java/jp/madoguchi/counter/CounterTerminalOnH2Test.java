package jp.madoguchi.counter;

import jp.madoguchi.support.H2;

import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2.class)
class CounterTerminalOnH2Test extends CounterTerminalTests {

}
