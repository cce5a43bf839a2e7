package io.livechat.reads;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One room's read positions as this node knows them (loaded at start, then moved by reads here
 * and on other nodes), and the people whose position moved since the room's last {@code reads}
 * event. Thread-safe.
 */
final class RoomPositions {

	/** Last read id by person. */
	private final Map<String, Long> positions = new ConcurrentHashMap<>();

	/** Who moved since the last event; guarded by this. */
	private Set<String> moved = new LinkedHashSet<>();

	void load(Map<String, Long> kept) {
		kept.forEach((person, lastRead) -> this.positions.merge(person, lastRead, Math::max));
	}

	long of(String person) {
		return this.positions.getOrDefault(person, 0L);
	}

	/** Moves the person's position forward to {@code lastRead}; whether it moved. */
	boolean advance(String person, long lastRead) {
		long[] before = new long[1];
		this.positions.compute(person, (key, kept) -> {
			before[0] = (kept != null) ? kept : 0;
			return Math.max(before[0], lastRead);
		});
		return lastRead > before[0];
	}

	/** The person's position is to be told (again) in the next event. */
	synchronized void changed(String person) {
		this.moved.add(person);
	}

	/** Who moved since the last call. */
	synchronized Set<String> takeChanged() {
		Set<String> taken = this.moved;
		this.moved = new LinkedHashSet<>();
		return taken;
	}

}
