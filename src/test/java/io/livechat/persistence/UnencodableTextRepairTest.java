package io.livechat.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration to version 3 on the embedded database: messages stored with an unpaired
 * surrogate, as earlier versions let them in, come out with U+FFFD in its place, and nothing
 * else changes.
 */
class UnencodableTextRepairTest {

	private DataSource dataSource;

	private JdbcClient jdbc;

	@BeforeEach
	void databaseAtVersionTwo() throws Exception {
		Path dir = Files.createTempDirectory("livechat-h2-");
		this.dataSource = new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("livechat"), "sa", "");
		Flyway.configure().dataSource(this.dataSource).target("2").load().migrate();
		this.jdbc = JdbcClient.create(this.dataSource);
	}

	@Test
	void replacesUnpairedSurrogatesInTextsAndNamesWithTheReplacementCharacter() {
		insert("tech", 1, "Alex", "fine 😀");
		insert("tech", 2, "Alex", "\uD800");
		insert("tech", 3, "Mallory\uDE00", "lone low \uDE00 and high \uDBFF at the end \uD83D");
		assertThat(textOf("tech", 2)).isEqualTo("\uD800"); // the embedded database holds it as it came

		migrate();

		assertThat(this.jdbc.sql("SELECT username, text FROM messages ORDER BY id")
			.query((row, n) -> row.getString("username") + ": " + row.getString("text"))
			.list()).containsExactly("Alex: fine 😀", "Alex: \uFFFD",
					"Mallory\uFFFD: lone low \uFFFD and high \uFFFD at the end \uFFFD");
	}

	@Test
	void readsPageAfterPageAcrossRooms() {
		int messages = 1007; // more than two pages of 500
		List<Object[]> rows = new ArrayList<>();
		for (int i = 1; i <= messages; i++) {
			rows.add(new Object[] { (i % 2 == 0) ? "general" : "tech", i, "Writer",
					(i % 100 == 0) ? "bad \uD800 " + i : "good " + i, 1_700_000_000_000L });
		}
		new JdbcTemplate(this.dataSource)
			.batchUpdate("INSERT INTO messages (room, id, username, text, created_at) VALUES (?, ?, ?, ?, ?)", rows);

		migrate();

		List<String> repaired = this.jdbc.sql("SELECT text FROM messages WHERE text LIKE 'bad%' ORDER BY id")
			.query(String.class)
			.list();
		assertThat(repaired).hasSize(messages / 100).allSatisfy((text) -> assertThat(text).startsWith("bad \uFFFD "));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM messages WHERE text LIKE 'good%'").query(Integer.class).single())
			.isEqualTo(messages - messages / 100);
	}

	@Test
	void runsOnAnEmptyDatabase() {
		migrate();

		assertThat(Flyway.configure().dataSource(this.dataSource).load().info().applied())
			.anySatisfy((migration) -> {
				assertThat(migration.getVersion().getVersion()).isEqualTo("3");
				assertThat(migration.getState().isApplied() && !migration.getState().isFailed()).isTrue();
			});
	}

	private void migrate() {
		Flyway.configure().dataSource(this.dataSource).load().migrate();
	}

	private void insert(String room, long id, String username, String text) {
		this.jdbc.sql("INSERT INTO messages (room, id, username, text, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(room, id, username, text, 1_700_000_000_000L)
			.update();
	}

	private String textOf(String room, long id) {
		return this.jdbc.sql("SELECT text FROM messages WHERE room = ? AND id = ?")
			.params(room, id)
			.query(String.class)
			.single();
	}

}
