package io.livechat.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.livechat.chat.ChatException;
import io.livechat.chat.ErrorCode;
import io.livechat.people.Person;
import io.livechat.people.PublicIds;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the people table and the public id secret promise, held against each database they run on.
 */
abstract class JdbcPeopleContract {

	private static final PublicIds IDS = new PublicIds("a secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8));

	private static final String ALEX = IDS.of("alex-client");

	private final AtomicLong clock = new AtomicLong(1_000);

	private final List<JdbcPeople> opened = new ArrayList<>();

	TestDatabase database;

	abstract TestDatabase database() throws Exception;

	@BeforeEach
	void openDatabase() throws Exception {
		this.database = database();
	}

	@AfterEach
	void dropDatabase() throws Exception {
		for (JdbcPeople people : this.opened) {
			people.close();
		}
		this.database.close();
	}

	/** What another node (or this one after a restart) reads, once the writes have committed. */
	private String nameElsewhere(String id) {
		String[] name = new String[1];
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
			name[0] = newPeople().nameOf(id).orElse(null);
			return name[0] != null;
		});
		return name[0];
	}

	private JdbcPeople newPeople() {
		JdbcPeople people = new JdbcPeople(this.database.dataSource(), this.clock::get);
		this.opened.add(people);
		return people;
	}

	@Nested
	class People {

		@Test
		void aPersonIsKnownUnderTheNameTheyJoinedWithAfterARestartToo() {
			JdbcPeople people = people();
			people.remember(new Person(ALEX, "Alex"));

			assertThat(people.nameOf(ALEX)).as("at once, on this node").contains("Alex");
			assertThat(nameElsewhere(ALEX)).isEqualTo("Alex");
		}

		@Test
		void joiningUnderAnotherNameReplacesTheOldOne() {
			JdbcPeople people = people();
			people.remember(new Person(ALEX, "Alex"));
			assertThat(nameElsewhere(ALEX)).isEqualTo("Alex");
			JdbcPeopleContract.this.clock.addAndGet(60_000);

			people.remember(new Person(ALEX, "Alexandra"));

			assertThat(people.nameOf(ALEX)).contains("Alexandra");
			Awaitility.await().atMost(Duration.ofSeconds(5))
				.until(() -> people().nameOf(ALEX).orElse("").equals("Alexandra"));
			assertThat(JdbcPeopleContract.this.database.jdbc().sql("SELECT COUNT(*) FROM people").query(Integer.class).single())
				.isEqualTo(1);
			assertThat(JdbcPeopleContract.this.database.jdbc()
				.sql("SELECT seen_at FROM people WHERE id = ?")
				.param(ALEX)
				.query(Long.class)
				.single()).isEqualTo(JdbcPeopleContract.this.clock.get());
		}

		@Test
		void someoneWhoNeverJoinedHasNoName() {
			people().remember(new Person(ALEX, "Alex"));
			assertThat(nameElsewhere(ALEX)).isEqualTo("Alex");

			assertThat(people().nameOf(IDS.of("nobody-client"))).isEmpty();
		}

		@Test
		void twoNodesRememberingOnePersonKeepOneRow() {
			JdbcPeople first = people();
			JdbcPeople second = people();

			first.remember(new Person(ALEX, "Alex"));
			assertThat(nameElsewhere(ALEX)).isEqualTo("Alex");
			second.remember(new Person(ALEX, "Alex on the second node"));

			Awaitility.await().atMost(Duration.ofSeconds(5))
				.until(() -> people().nameOf(ALEX).orElse("").equals("Alex on the second node"));
			assertThat(JdbcPeopleContract.this.database.jdbc().sql("SELECT COUNT(*) FROM people").query(Integer.class).single())
				.isEqualTo(1);
		}

		@Test
		void aKnownNameIsAnsweredWhileTheDatabaseIsDownAndARenameThatCouldNotBeWrittenIsNotKept() {
			JdbcPeople people = people();
			people.remember(new Person(ALEX, "Alex"));
			assertThat(nameElsewhere(ALEX)).isEqualTo("Alex");
			JdbcPeopleContract.this.database.goDown();

			assertThat(people.nameOf(ALEX)).contains("Alex");
			assertThatThrownBy(() -> people.nameOf(IDS.of("sam-client"))).isInstanceOfSatisfying(ChatException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNAVAILABLE));
			people.remember(new Person(ALEX, "Renamed"));
			// the write fails: the name is read again (and so written again at the next join)
			Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThatThrownBy(() -> people.nameOf(ALEX))
				.isInstanceOfSatisfying(ChatException.class, (ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNAVAILABLE)));
		}

		private JdbcPeople people() {
			return newPeople();
		}

	}

	@Nested
	class PublicIdSecrets {

		@Test
		void everyNodeOnOneDatabaseLoadsTheSameSecretAndSoGivesTheSameIds() {
			byte[] first = PublicIdSecret.load(JdbcPeopleContract.this.database.jdbc());
			byte[] second = PublicIdSecret.load(JdbcPeopleContract.this.database.jdbc());

			assertThat(first).hasSize(32).isEqualTo(second);
			assertThat(new PublicIds(second).of("alex-client")).isEqualTo(new PublicIds(first).of("alex-client"));
		}

		@Test
		void aFreshDatabaseMakesASecretOfItsOwn() throws Exception {
			byte[] here = PublicIdSecret.load(JdbcPeopleContract.this.database.jdbc());
			try (TestDatabase fresh = database()) {
				byte[] there = PublicIdSecret.load(fresh.jdbc());

				assertThat(there).hasSize(32).isNotEqualTo(here);
				assertThat(new PublicIds(there).of("alex-client")).isNotEqualTo(new PublicIds(here).of("alex-client"));
			}
		}

	}

}
