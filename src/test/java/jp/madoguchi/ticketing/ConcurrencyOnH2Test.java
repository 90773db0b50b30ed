package jp.madoguchi.ticketing;

import jp.madoguchi.support.H2;

import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2.class)
class ConcurrencyOnH2Test extends ConcurrencyTests {

}
