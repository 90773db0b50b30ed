package jp.madoguchi.staff;

import jp.madoguchi.support.H2;

import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2.class)
class StaffSignInOnH2Test extends StaffSignInTests {

}
