package io.livechat.reads;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A connection in a room, for {@link ReadReceipts}: as whom, where, and the unread counts of the
 * other rooms it was last told, so that a round tells it only those that changed. Thread-safe.
 */
final class Reader {

	private final String person;

	private final String room;

	private final Map<String, RoomPositions> rooms;

	private final NewestIds newest;

	/** Guarded by this. */
	private final Map<String, Long> told = new HashMap<>();

	Reader(String person, String room, Map<String, RoomPositions> rooms, NewestIds newest) {
		this.person = person;
		this.room = room;
		this.rooms = rooms;
		this.newest = newest;
	}

	String person() {
		return this.person;
	}

	String room() {
		return this.room;
	}

	/**
	 * The counts of the rooms in {@code roomIds} other than its own that the person has read
	 * (the messages above their position); only those that changed since last told, if asked.
	 */
	synchronized List<UnreadEvent.RoomUnread> counts(Collection<String> roomIds, boolean changedOnly) {
		List<UnreadEvent.RoomUnread> counts = new ArrayList<>();
		for (String roomId : roomIds) {
			long lastRead = this.rooms.get(roomId).of(this.person);
			if (roomId.equals(this.room) || lastRead == 0) {
				continue;
			}
			long unread = Math.max(0, this.newest.of(roomId) - lastRead);
			Long before = this.told.put(roomId, unread);
			if (!changedOnly || before == null || before != unread) {
				counts.add(new UnreadEvent.RoomUnread(roomId, unread));
			}
		}
		return counts;
	}

}
