package io.livechat.persistence;

/** People and the public id secret on the embedded H2 database, as they run by default. */
class JdbcPeopleTest extends JdbcPeopleContract {

	@Override
	TestDatabase database() throws Exception {
		return TestDatabase.h2();
	}

}
