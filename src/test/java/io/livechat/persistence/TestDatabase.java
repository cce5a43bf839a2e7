package io.livechat.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A migrated database for the store tests: an H2 file in a fresh directory, or a fresh schema
 * in the local PostgreSQL. A switch cuts it off, as a network or database outage would.
 */
final class TestDatabase implements AutoCloseable {

	static final String POSTGRES_URL = System.getProperty("livechat.test.postgres-url",
			"jdbc:postgresql://127.0.0.1:5432/test");

	private final Switchable dataSource;

	private final Runnable cleanup;

	private TestDatabase(DataSource dataSource, Runnable cleanup) {
		this.dataSource = new Switchable(dataSource);
		this.cleanup = cleanup;
	}

	static TestDatabase h2() throws Exception {
		Path dir = Files.createTempDirectory("livechat-h2-");
		return migrated(new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("livechat"), "sa", ""), null, () -> {
		});
	}

	/** A fresh schema in the local PostgreSQL; fails when there is none. */
	static TestDatabase postgres() {
		String schema = "livechat_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		DriverManagerDataSource dataSource = new DriverManagerDataSource(POSTGRES_URL + "?currentSchema=" + schema,
				"postgres", "");
		return migrated(dataSource, schema,
				() -> JdbcClient.create(dataSource).sql("DROP SCHEMA " + schema + " CASCADE").update());
	}

	private static TestDatabase migrated(DataSource dataSource, String schema, Runnable cleanup) {
		var flyway = Flyway.configure().dataSource(dataSource);
		if (schema != null) {
			flyway.schemas(schema);
		}
		flyway.load().migrate();
		return new TestDatabase(dataSource, cleanup);
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	JdbcClient jdbc() {
		return JdbcClient.create(this.dataSource);
	}

	void goDown() {
		this.dataSource.down = true;
	}

	void comeBack() {
		this.dataSource.down = false;
	}

	@Override
	public void close() {
		comeBack();
		this.cleanup.run();
	}

	private static final class Switchable extends DelegatingDataSource {

		private volatile boolean down;

		Switchable(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (this.down) {
				throw new SQLTransientConnectionException("Connection refused (the test cut the database off)");
			}
			return super.getConnection();
		}

	}

}
