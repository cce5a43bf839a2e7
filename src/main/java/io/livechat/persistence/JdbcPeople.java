package io.livechat.persistence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import io.livechat.people.People;
import io.livechat.people.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everyone who has ever joined, in the {@code people} table. A join does not wait for the
 * database: the name goes into a cache at once (this node knows the person from then on) and is
 * written by a group commit of its own, many joins per transaction (other nodes know the person
 * once it commits, a few milliseconds later). A join under an unchanged name writes nothing.
 * The cache holds up to {@value #CACHED} people and starts afresh when full; with several nodes a
 * name changed on another node shows here once this node reads it again.
 */
class JdbcPeople implements People, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(JdbcPeople.class);

	static final int CACHED = 100_000;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final LongSupplier clock;

	private final Map<String, String> names = new ConcurrentHashMap<>();

	private final GroupCommit<Person> writer;

	JdbcPeople(DataSource dataSource, LongSupplier clock) {
		this.jdbc = JdbcClient.create(dataSource);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.clock = clock;
		this.writer = new GroupCommit<>("livechat-people-writer", 10_000, 512, new GroupCommit.Committer<>() {
			@Override
			public void commit(List<Person> batch) {
				write(batch);
			}

			@Override
			public void failed(List<Person> batch, RuntimeException reason) {
				if (reason != null) {
					logger.warn("Could not remember {} people who joined: {}", batch.size(), reason.getMessage());
				}
				// their next join writes them again
				batch.forEach((person) -> JdbcPeople.this.names.remove(person.id(), person.name()));
			}
		});
	}

	@Override
	public void remember(Person person) {
		String known = this.names.get(person.id());
		if (person.name().equals(known)) {
			return;
		}
		cache(person.id(), person.name());
		if (!this.writer.offer(person)) {
			this.names.remove(person.id(), person.name());
			throw Database.unavailable();
		}
	}

	@Override
	public Optional<String> nameOf(String id) {
		String cached = this.names.get(id);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<String> name = Database.guarded(
				() -> this.jdbc.sql("SELECT name FROM people WHERE id = ?").param(id).query(String.class).optional());
		name.ifPresent((found) -> cache(id, found));
		return name;
	}

	@Override
	public void close() throws InterruptedException {
		this.writer.close();
	}

	/** One transaction: each person's name updated, or inserted when new. */
	private void write(List<Person> batch) {
		long now = this.clock.getAsLong();
		this.transaction.executeWithoutResult((status) -> {
			for (Person person : batch) {
				int updated = this.jdbc.sql("UPDATE people SET name = ?, seen_at = ? WHERE id = ?")
					.params(person.name(), now, person.id())
					.update();
				if (updated == 0) {
					this.jdbc.sql("INSERT INTO people (id, name, seen_at) VALUES (?, ?, ?)")
						.params(person.id(), person.name(), now)
						.update();
				}
			}
		});
	}

	private void cache(String id, String name) {
		if (this.names.size() >= CACHED) {
			this.names.clear();
		}
		this.names.put(id, name);
	}

}
