package io.livechat.persistence;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code DATABASE_URL} that Railway and Render inject
 * ({@code postgres://user:password@host:port/database?sslmode=require}) as JDBC settings.
 */
record DatabaseUrl(String jdbcUrl, String username, String password) {

	static DatabaseUrl parse(String databaseUrl) {
		URI uri = URI.create(databaseUrl.strip());
		if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
			throw new IllegalArgumentException(
					"DATABASE_URL must look like postgres://user:password@host:port/database, got scheme " + uri.getScheme());
		}
		if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
			throw new IllegalArgumentException("DATABASE_URL needs a host and a database name");
		}
		String jdbcUrl = "jdbc:postgresql://" + uri.getHost() + ((uri.getPort() > 0) ? ":" + uri.getPort() : "")
				+ uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		String username = null;
		String password = null;
		if (uri.getRawUserInfo() != null) {
			String[] parts = uri.getRawUserInfo().split(":", 2);
			username = decode(parts[0]);
			password = (parts.length > 1) ? decode(parts[1]) : null;
		}
		return new DatabaseUrl(jdbcUrl, username, password);
	}

	private static String decode(String value) {
		// percent-decoding only: a '+' in a password is a plus, not a space
		return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "DatabaseUrl[" + this.jdbcUrl + ", user " + this.username + "]"; // never the password
	}

}
