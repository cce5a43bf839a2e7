package io.livechat.persistence;

import java.util.ArrayList;
import java.util.List;

import io.livechat.chat.ClientMessageId;
import io.livechat.chat.NewMessage;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which messages of a batch were stored before: a message with a client id is stored once per
 * room, sender and id (a unique index says so; these reads find the message it became).
 */
final class ClientMessageIds {

	private final JdbcClient jdbc;

	ClientMessageIds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** For each message, the id it was stored under before, or null (new, or sent without a client id). */
	List<Long> known(List<NewMessage> messages) {
		List<Long> known = new ArrayList<>(messages.size());
		for (NewMessage message : messages) {
			ClientMessageId clientId = message.clientId();
			known.add((clientId == null) ? null : this.jdbc
				.sql("SELECT id FROM messages WHERE room = ? AND sender_id = ? AND client_msg_id = ?")
				.params(message.roomId(), clientId.sender(), clientId.value())
				.query(Long.class)
				.optional()
				.orElse(null));
		}
		return known;
	}

}
