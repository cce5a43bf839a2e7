package io.livechat.persistence;

/**
 * The image store on the local PostgreSQL (127.0.0.1:5432, database {@code test}; a BYTEA
 * column), as it runs in production. Runs in {@code .ci/run} (profile {@code postgres}); fails
 * when there is no PostgreSQL rather than passing.
 */
class JdbcImageStorePostgresIT extends ImageStoreContract {

	@Override
	TestDatabase database() {
		return TestDatabase.postgres();
	}

}
