package io.livechat.persistence;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The secret behind public ids, made once and kept in {@code server_secrets}, so that every node
 * sharing the database, and every restart, gives a person the same id.
 */
final class PublicIdSecret {

	private static final String NAME = "public-ids";

	private PublicIdSecret() {
	}

	/** The stored secret; made (32 random bytes) when there is none yet, by whichever node is first. */
	static byte[] load(JdbcClient jdbc) {
		String stored = read(jdbc);
		if (stored == null) {
			byte[] secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			try {
				jdbc.sql("INSERT INTO server_secrets (name, secret) VALUES (?, ?)")
					.params(NAME, Base64.getEncoder().encodeToString(secret))
					.update();
			}
			catch (DuplicateKeyException ex) {
				// another node made it first: theirs it is
			}
			stored = read(jdbc);
		}
		return Base64.getDecoder().decode(stored);
	}

	private static String read(JdbcClient jdbc) {
		return jdbc.sql("SELECT secret FROM server_secrets WHERE name = ?").param(NAME).query(String.class).optional()
			.orElse(null);
	}

}
