package io.livechat.people;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * People kept for as long as the process runs ({@code livechat.store=memory}): the most recently
 * seen {@value #CAPACITY}, so that made-up client ids cannot fill the memory.
 */
public final class InMemoryPeople implements People {

	static final int CAPACITY = 100_000;

	private final Map<String, String> names = new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
			return size() > CAPACITY;
		}
	};

	@Override
	public synchronized void remember(Person person) {
		this.names.put(person.id(), person.name());
	}

	@Override
	public synchronized Optional<String> nameOf(String id) {
		return Optional.ofNullable(this.names.get(id));
	}

}
