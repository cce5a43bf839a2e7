package io.livechat.persistence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DatabaseUrlTest {

	@Test
	void convertsThePlatformsPostgresUrlToJdbcSettings() {
		DatabaseUrl url = DatabaseUrl.parse("postgres://chat:s3cr%40t@db.internal:6543/livechat?sslmode=require");

		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/livechat?sslmode=require");
		assertThat(url.username()).isEqualTo("chat");
		assertThat(url.password()).isEqualTo("s3cr@t");
	}

	@Test
	void acceptsThePostgresqlSchemeAndNoPort() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://chat@localhost/livechat");

		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/livechat");
		assertThat(url.password()).isNull();
	}

	@Test
	void keepsAPlusInThePassword() {
		assertThat(DatabaseUrl.parse("postgres://chat:a+b%2Bc@h:5432/db").password()).isEqualTo("a+b+c");
	}

	@Test
	void neverShowsThePassword() {
		assertThat(DatabaseUrl.parse("postgres://chat:hunter2@h:5432/db").toString()).doesNotContain("hunter2");
	}

	@Test
	void refusesOtherUrls() {
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("mysql://u:p@h/db"));
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("postgres://u:p@h"));
	}

}
