package io.livechat.persistence;

/** The store on the embedded H2 database, as it runs by default. */
class JdbcMessageStoreTest extends MessageStoreContract {

	@Override
	TestDatabase database() throws Exception {
		return TestDatabase.h2();
	}

}
