package io.livechat.persistence;

/** Read positions on the embedded H2 database, as a node alone keeps them. */
class JdbcReadPositionStoreTest extends ReadPositionStoreContract {

	@Override
	TestDatabase database() throws Exception {
		return TestDatabase.h2();
	}

}
