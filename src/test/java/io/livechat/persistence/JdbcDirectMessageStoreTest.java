package io.livechat.persistence;

/** The direct message store on the embedded H2 database, as it runs by default. */
class JdbcDirectMessageStoreTest extends DirectMessageStoreContract {

	@Override
	TestDatabase database() throws Exception {
		return TestDatabase.h2();
	}

}
