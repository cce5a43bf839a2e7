package io.livechat.persistence;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.livechat.people.People;
import io.livechat.people.Person;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Everyone who has ever joined, in the {@code people} table. Names are cached (up to
 * {@value #CACHED} people; the cache starts afresh when full), so a join under an unchanged name
 * writes nothing, and a direct message looks its recipient up in memory. With several nodes a
 * name changed on another node shows here once this node reads it again (after a restart, or
 * when the cache starts afresh).
 */
class JdbcPeople implements People {

	static final int CACHED = 100_000;

	private final JdbcClient jdbc;

	private final LongSupplier clock;

	private final Map<String, String> names = new ConcurrentHashMap<>();

	JdbcPeople(JdbcClient jdbc, LongSupplier clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void remember(Person person) {
		if (person.name().equals(this.names.get(person.id()))) {
			return;
		}
		long now = this.clock.getAsLong();
		Database.guarded(() -> {
			if (update(person, now) == 0) {
				try {
					this.jdbc.sql("INSERT INTO people (id, name, seen_at) VALUES (?, ?, ?)")
						.params(person.id(), person.name(), now)
						.update();
				}
				catch (DuplicateKeyException ex) { // another node, or another tab, at the same moment
					update(person, now);
				}
			}
			return null;
		});
		cache(person.id(), person.name());
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

	private int update(Person person, long now) {
		return this.jdbc.sql("UPDATE people SET name = ?, seen_at = ? WHERE id = ?")
			.params(person.name(), now, person.id())
			.update();
	}

	private void cache(String id, String name) {
		if (this.names.size() >= CACHED) {
			this.names.clear();
		}
		this.names.put(id, name);
	}

}
