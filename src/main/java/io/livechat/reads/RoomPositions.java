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

	/** When the last event was taken ({@link System#nanoTime}), if one was; guarded by this. */
	private long lastTaken;

	private boolean takenBefore;

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

	synchronized boolean anyChanged() {
		return !this.moved.isEmpty();
	}

	/**
	 * Who moved since the last time this returned some, if that was at least {@code pace} before
	 * {@code now} (nanoseconds); nobody otherwise (they are kept for the next call).
	 */
	synchronized Set<String> takeChanged(long now, long pace) {
		if (this.moved.isEmpty() || (this.takenBefore && now - this.lastTaken < pace)) {
			return Set.of();
		}
		Set<String> taken = this.moved;
		this.moved = new LinkedHashSet<>();
		this.lastTaken = now;
		this.takenBefore = true;
		return taken;
	}

}
