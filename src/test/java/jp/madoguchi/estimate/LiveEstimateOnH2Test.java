package jp.madoguchi.estimate;

import jp.madoguchi.support.H2;

import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2.class)
class LiveEstimateOnH2Test extends LiveEstimateTests {

}
