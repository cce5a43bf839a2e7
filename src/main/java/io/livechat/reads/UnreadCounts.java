package io.livechat.reads;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.livechat.chat.ChatEvents;

/**
 * Each connection's {@code unread} counts of the rooms it is not in: all of them after its joined
 * reply, then in each round those that changed, because a room got newer messages or the
 * connection's person read somewhere (on any of their connections, on any node).
 * {@link #send} and {@link #load} run on the rounds' thread only.
 */
final class UnreadCounts {

	private final List<String> roomIds;

	private final NewestIds newest;

	private final ChatEvents events;

	/** People whose position moved since the last round: their connections' counts changed. */
	private final Set<String> moved = ConcurrentHashMap.newKeySet();

	/** Each room's newest id as of the last round. */
	private final Map<String, Long> newestCounted = new HashMap<>();

	UnreadCounts(List<String> roomIds, NewestIds newest, ChatEvents events) {
		this.roomIds = roomIds;
		this.newest = newest;
		this.events = events;
	}

	/** Counts from the rooms' newest ids as they are now. */
	void load() {
		this.roomIds.forEach((roomId) -> this.newestCounted.put(roomId, this.newest.of(roomId)));
	}

	/** The person's position moved in some room. */
	void moved(String person) {
		this.moved.add(person);
	}

	/** All the counts of the connection's other rooms, as after a joined reply. */
	void sendAll(String connectionId, Reader reader) {
		this.events.toConnection(connectionId, new UnreadEvent(reader.counts(this.roomIds, false)));
	}

	/** The counts that changed since the last round, to each connection they changed for. */
	void send(Map<String, Reader> readers) {
		Set<String> newer = new HashSet<>();
		this.roomIds.forEach((roomId) -> {
			long now = this.newest.of(roomId);
			if (this.newestCounted.put(roomId, now) != now) {
				newer.add(roomId);
			}
		});
		Set<String> people = new HashSet<>();
		for (Iterator<String> it = this.moved.iterator(); it.hasNext();) {
			people.add(it.next());
			it.remove();
		}
		if (newer.isEmpty() && people.isEmpty()) {
			return;
		}
		readers.forEach((connectionId, reader) -> {
			List<UnreadEvent.RoomUnread> counts = reader.counts(people.contains(reader.person()) ? this.roomIds : newer, true);
			if (!counts.isEmpty()) {
				this.events.toConnection(connectionId, new UnreadEvent(counts));
			}
		});
	}

}
