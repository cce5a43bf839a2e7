package io.livechat.persistence;

/**
 * People and the public id secret on the local PostgreSQL (127.0.0.1:5432, database
 * {@code test}), as they run in production. Runs in {@code .ci/run} (profile {@code postgres});
 * fails when there is no PostgreSQL rather than passing.
 */
class JdbcPeoplePostgresIT extends JdbcPeopleContract {

	@Override
	TestDatabase database() {
		return TestDatabase.postgres();
	}

}
