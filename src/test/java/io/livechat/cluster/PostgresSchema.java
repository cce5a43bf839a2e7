package io.livechat.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty schema in the local PostgreSQL (127.0.0.1:5432, database {@code test}, user
 * {@code postgres}) for the nodes of one cluster to share: the nodes' Flyway migrates it when
 * the first of them starts. Dropped with everything in it on close. Fails when there is no
 * PostgreSQL rather than passing.
 */
final class PostgresSchema implements AutoCloseable {

	static final String POSTGRES_URL = System.getProperty("livechat.test.postgres-url",
			"jdbc:postgresql://127.0.0.1:5432/test");

	static final String USERNAME = "postgres";

	private final String name;

	private PostgresSchema(String name) {
		this.name = name;
	}

	static PostgresSchema create() {
		String name = "livechat_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute("CREATE SCHEMA " + name);
		return new PostgresSchema(name);
	}

	String name() {
		return this.name;
	}

	/** The JDBC URL with this schema as the current one, as the nodes get it. */
	String jdbcUrl() {
		return POSTGRES_URL + "?currentSchema=" + this.name;
	}

	@Override
	public void close() {
		execute("DROP SCHEMA " + this.name + " CASCADE");
	}

	private static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(POSTGRES_URL, USERNAME, "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("'" + sql + "' failed on " + POSTGRES_URL
					+ ": the cluster tests need the local PostgreSQL (.ci/run starts it)", ex);
		}
	}

}
