package jp.madoguchi.staff;

import jp.madoguchi.support.Postgres;

import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = Postgres.class)
class StaffSignInOnPostgresTest extends StaffSignInTests {

}
