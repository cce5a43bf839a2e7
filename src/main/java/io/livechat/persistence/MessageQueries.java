package io.livechat.persistence;

import java.util.List;

import io.livechat.chat.ChatMessage;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The reads of the {@code messages} table: a room's messages by id, newest or oldest first. */
final class MessageQueries {

	private static final RowMapper<ChatMessage> MESSAGE = (row, n) -> new ChatMessage(row.getLong("id"),
			row.getString("room"), row.getString("username"), row.getString("text"), row.getLong("created_at"),
			StoredImages.of(row));

	private final JdbcClient jdbc;

	MessageQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Up to {@code limit} messages with an id greater than {@code afterId}, oldest first. */
	List<ChatMessage> after(String roomId, long afterId, int limit) {
		return this.jdbc.sql("""
				SELECT room, id, username, text, created_at, image_id, image_width, image_height FROM messages
				WHERE room = ? AND id > ? ORDER BY id LIMIT ?
				""").params(roomId, afterId, limit).query(MESSAGE).list();
	}

	/** The newest {@code limit} messages with an id greater than {@code afterId}, newest first. */
	List<ChatMessage> newestAfter(String roomId, long afterId, int limit) {
		return this.jdbc.sql("""
				SELECT room, id, username, text, created_at, image_id, image_width, image_height FROM messages
				WHERE room = ? AND id > ? ORDER BY id DESC LIMIT ?
				""").params(roomId, afterId, limit).query(MESSAGE).list();
	}

	/** The newest {@code limit} messages with an id below {@code beforeId}, newest first. */
	List<ChatMessage> newestBefore(String roomId, long beforeId, int limit) {
		return this.jdbc.sql("""
				SELECT room, id, username, text, created_at, image_id, image_width, image_height FROM messages
				WHERE room = ? AND id < ? ORDER BY id DESC LIMIT ?
				""").params(roomId, beforeId, limit).query(MESSAGE).list();
	}

	/** The room's highest stored id, 0 if none. */
	long maxId(String roomId) {
		return this.jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM messages WHERE room = ?")
			.param(roomId)
			.query(Long.class)
			.single();
	}

}
