package io.livechat.persistence;

/**
 * Read positions on the local PostgreSQL (127.0.0.1:5432, database {@code test}), as a cluster
 * keeps them. Runs in {@code .ci/run} (profile {@code postgres}); fails when there is no
 * PostgreSQL rather than passing.
 */
class JdbcReadPositionStorePostgresIT extends ReadPositionStoreContract {

	@Override
	TestDatabase database() {
		return TestDatabase.postgres();
	}

}
