package io.livechat.persistence;

/** The image store on the embedded H2 database (a BLOB column), as it runs by default. */
class JdbcImageStoreTest extends ImageStoreContract {

	@Override
	TestDatabase database() throws Exception {
		return TestDatabase.h2();
	}

}
