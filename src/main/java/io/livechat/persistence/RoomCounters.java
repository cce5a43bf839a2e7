package io.livechat.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each room's last message id in {@code room_counters}, for nodes that share one database: a
 * node takes the next ids under the room's row lock, in the transaction that inserts the
 * messages, so ids stay unique and consecutive whichever node stores them.
 */
final class RoomCounters {

	private final JdbcClient jdbc;

	RoomCounters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates the room's counter if it has none, and raises it to the room's highest stored id
	 * (messages stored while the node ran alone, which does not keep counters). Safe while other
	 * nodes do the same or store messages.
	 */
	void prepare(String roomId) {
		try {
			this.jdbc.sql("""
					INSERT INTO room_counters (room, last_id)
					SELECT ?, COALESCE(MAX(id), 0) FROM messages WHERE room = ?
					AND NOT EXISTS (SELECT 1 FROM room_counters WHERE room = ?)
					""").params(roomId, roomId, roomId).update();
		}
		catch (DuplicateKeyException ex) {
			// another node created it at the same moment
		}
		this.jdbc.sql("""
				UPDATE room_counters SET last_id = (SELECT COALESCE(MAX(id), 0) FROM messages WHERE room = ?)
				WHERE room = ? AND last_id < (SELECT COALESCE(MAX(id), 0) FROM messages WHERE room = ?)
				""").params(roomId, roomId, roomId).update();
	}

	/**
	 * Inside a transaction: the rooms' last ids, their rows locked (in room order, so two nodes
	 * never wait for each other in a cycle) until the transaction ends.
	 */
	Map<String, Long> lock(Collection<String> roomIds) {
		Map<String, Long> lastIds = new TreeMap<>();
		roomIds.forEach((room) -> lastIds.put(room, 0L));
		for (String room : lastIds.keySet()) {
			lastIds.put(room, this.jdbc.sql("SELECT last_id FROM room_counters WHERE room = ? FOR UPDATE")
				.param(room)
				.query(Long.class)
				.optional()
				.orElseThrow(() -> new IllegalStateException("No counter for room " + room)));
		}
		return lastIds;
	}

	/** Inside the transaction that locked them: the rooms' new last ids. */
	void update(Map<String, Long> lastIds) {
		lastIds.forEach((room, lastId) -> this.jdbc.sql("UPDATE room_counters SET last_id = ? WHERE room = ?")
			.params(lastId, room)
			.update());
	}

	/** The room's last id (0 for a room without a counter). */
	long lastId(String roomId) {
		return this.jdbc.sql("SELECT last_id FROM room_counters WHERE room = ?")
			.param(roomId)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/** Every room's last id (rooms with a counter only). */
	Map<String, Long> lastIds() {
		Map<String, Long> lastIds = new HashMap<>();
		this.jdbc.sql("SELECT room, last_id FROM room_counters")
			.query((row, n) -> lastIds.put(row.getString("room"), row.getLong("last_id")))
			.list();
		return lastIds;
	}

}
