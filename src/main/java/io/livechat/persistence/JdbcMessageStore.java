package io.livechat.persistence;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.livechat.chat.ChatException;
import io.livechat.chat.ChatMessage;
import io.livechat.chat.ErrorCode;
import io.livechat.chat.History;
import io.livechat.chat.MessageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps messages in a relational database (H2 embedded by default, PostgreSQL in production).
 * A message is committed before {@link #append} returns, so anything broadcast afterwards
 * survives a crash. Each room's newest {@value MessageStore#HISTORY_LIMIT} messages and its last
 * id are also kept in memory, loaded on the room's first use, so joins and reconnects do not
 * query the database.
 */
public class JdbcMessageStore implements MessageStore {

	private static final Logger logger = LoggerFactory.getLogger(JdbcMessageStore.class);

	private static final RowMapper<ChatMessage> MESSAGE = (row, n) -> new ChatMessage(row.getLong("id"),
			row.getString("room"), row.getString("username"), row.getString("text"), row.getLong("created_at"));

	private final JdbcClient jdbc;

	private final Map<String, RoomLog> logs = new ConcurrentHashMap<>();

	public JdbcMessageStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public ChatMessage append(String roomId, String username, String text, long timestamp) {
		RoomLog log = log(roomId);
		synchronized (log) {
			ChatMessage message = new ChatMessage(log.lastId + 1, roomId, username, text, timestamp);
			guarded(() -> this.jdbc.sql("""
					INSERT INTO messages (room, id, username, text, created_at) VALUES (?, ?, ?, ?, ?)
					""").params(roomId, message.id(), username, text, timestamp).update());
			log.add(message);
			return message;
		}
	}

	@Override
	public History after(String roomId, long afterId, int limit) {
		RoomLog log = log(roomId);
		synchronized (log) {
			long from = (afterId > log.lastId) ? 0 : Math.max(afterId, 0);
			if (log.covers(from, limit)) {
				return log.after(from, limit);
			}
			List<ChatMessage> newestFirst = guarded(() -> this.jdbc.sql("""
					SELECT room, id, username, text, created_at FROM messages
					WHERE room = ? AND id > ? ORDER BY id DESC LIMIT ?
					""").params(roomId, from, limit).query(MESSAGE).list());
			List<ChatMessage> window = new ArrayList<>(newestFirst);
			Collections.reverse(window);
			return new History(List.copyOf(window), (log.lastId - from) > window.size());
		}
	}

	@Override
	public History before(String roomId, long beforeId, int limit) {
		List<ChatMessage> newestFirst = guarded(() -> this.jdbc.sql("""
				SELECT room, id, username, text, created_at FROM messages
				WHERE room = ? AND id < ? ORDER BY id DESC LIMIT ?
				""").params(roomId, beforeId, limit + 1).query(MESSAGE).list());
		boolean older = newestFirst.size() > limit;
		List<ChatMessage> window = new ArrayList<>(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
		Collections.reverse(window);
		return new History(List.copyOf(window), older);
	}

	/** Drops cached messages older than {@code cutoffMillis}, as the pruner deleted them. */
	void forgetOlderThan(String roomId, long cutoffMillis) {
		RoomLog log = this.logs.get(roomId);
		if (log != null) {
			synchronized (log) {
				log.dropOlderThan(cutoffMillis);
			}
		}
	}

	private RoomLog log(String roomId) {
		RoomLog log = this.logs.get(roomId);
		if (log != null) {
			return log;
		}
		// Loaded outside computeIfAbsent: a database call must not run inside the map's lock.
		List<ChatMessage> newestFirst = guarded(() -> this.jdbc.sql("""
				SELECT room, id, username, text, created_at FROM messages
				WHERE room = ? ORDER BY id DESC LIMIT ?
				""").params(roomId, HISTORY_LIMIT).query(MESSAGE).list());
		long lastId = newestFirst.isEmpty() ? guarded(() -> this.jdbc
			.sql("SELECT COALESCE(MAX(id), 0) FROM messages WHERE room = ?")
			.param(roomId)
			.query(Long.class)
			.single()) : newestFirst.get(0).id();
		RoomLog loaded = new RoomLog(lastId, newestFirst);
		RoomLog existing = this.logs.putIfAbsent(roomId, loaded);
		return (existing != null) ? existing : loaded;
	}

	private static <T> T guarded(java.util.function.Supplier<T> databaseCall) {
		try {
			return databaseCall.get();
		}
		catch (DataAccessException ex) {
			logger.warn("The message database is unavailable: {}", ex.getMostSpecificCause().getMessage());
			throw new ChatException(ErrorCode.UNAVAILABLE,
					"Messages cannot be stored right now. Please try again in a moment.");
		}
	}

	/** A room's last id and newest messages, guarded by its own monitor. */
	private static final class RoomLog {

		private final Deque<ChatMessage> recent = new ArrayDeque<>(HISTORY_LIMIT);

		private long lastId;

		RoomLog(long lastId, List<ChatMessage> newestFirst) {
			this.lastId = lastId;
			newestFirst.forEach(this.recent::addFirst);
		}

		void add(ChatMessage message) {
			if (this.recent.size() == HISTORY_LIMIT) {
				this.recent.removeFirst();
			}
			this.recent.addLast(message);
			this.lastId = message.id();
		}

		void dropOlderThan(long cutoffMillis) {
			while (!this.recent.isEmpty() && this.recent.peekFirst().timestamp() < cutoffMillis) {
				this.recent.removeFirst();
			}
		}

		/** Whether the newest {@code limit} messages after {@code from} are all in memory. */
		boolean covers(long from, int limit) {
			long wanted = Math.min(limit, this.lastId - from);
			return wanted <= this.recent.size();
		}

		History after(long from, int limit) {
			List<ChatMessage> window = new ArrayList<>();
			var newestFirst = this.recent.descendingIterator();
			while (newestFirst.hasNext() && window.size() < limit) {
				ChatMessage message = newestFirst.next();
				if (message.id() <= from) {
					break;
				}
				window.add(message);
			}
			Collections.reverse(window);
			return new History(List.copyOf(window), (this.lastId - from) > window.size());
		}

	}

}
