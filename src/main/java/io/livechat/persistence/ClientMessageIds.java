package io.livechat.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.livechat.chat.ClientMessageId;
import io.livechat.chat.NewMessage;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which messages of a batch were stored before: a message with a client id is stored once per
 * room, sender and id (a unique index says so; these reads find the message it became, or, for
 * one pruned since, the id it had). Read under the rooms' counter locks, so no other node can
 * store one of them meanwhile.
 */
final class ClientMessageIds {

	/** The most messages looked up in one query. */
	private static final int MAX_PER_QUERY = 100;

	private final JdbcClient jdbc;

	ClientMessageIds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * How a batch splits: for each message, the id it was stored under before (by any node,
	 * before any restart), the index of an earlier message in the batch that it repeats, or
	 * neither (a message to insert).
	 */
	record Sorted(List<Long> known, List<Integer> repeats) {

		boolean isNew(int index) {
			return this.known.get(index) == null && this.repeats.get(index) == null;
		}

	}

	Sorted sort(List<NewMessage> messages) {
		Map<List<String>, Long> stored = stored(messages);
		Map<List<String>, Integer> firsts = new HashMap<>();
		List<Long> known = new ArrayList<>(messages.size());
		List<Integer> repeats = new ArrayList<>(messages.size());
		for (int i = 0; i < messages.size(); i++) {
			List<String> key = key(messages.get(i));
			Long id = (key != null) ? stored.get(key) : null;
			known.add(id);
			repeats.add((key != null && id == null) ? firsts.putIfAbsent(key, i) : null);
		}
		return new Sorted(known, repeats);
	}

	/** The stored id of each message of the batch that was stored before, by room, sender and client id. */
	private Map<List<String>, Long> stored(List<NewMessage> messages) {
		List<List<String>> keys = messages.stream().map(ClientMessageIds::key).filter((key) -> key != null).distinct().toList();
		if (keys.isEmpty()) {
			return Map.of();
		}
		Map<List<String>, Long> stored = new HashMap<>();
		for (int from = 0; from < keys.size(); from += MAX_PER_QUERY) {
			List<List<String>> chunk = keys.subList(from, Math.min(keys.size(), from + MAX_PER_QUERY));
			List<Object> params = new ArrayList<>(chunk.size() * 6);
			chunk.forEach(params::addAll);
			chunk.forEach(params::addAll);
			String tuples = String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?)"));
			this.jdbc.sql("SELECT room, sender_id, client_msg_id, id FROM messages WHERE (room, sender_id, client_msg_id) IN ("
					+ tuples + ") UNION ALL SELECT room, sender_id, client_msg_id, message_id FROM pruned_client_msg_ids"
					+ " WHERE (room, sender_id, client_msg_id) IN (" + tuples + ")")
				.params(params)
				.query((row, n) -> stored.put(List.of(row.getString(1), row.getString(2), row.getString(3)), row.getLong(4)))
				.list();
		}
		return stored;
	}

	private static List<String> key(NewMessage message) {
		ClientMessageId clientId = message.clientId();
		return (clientId == null) ? null : List.of(message.roomId(), clientId.sender(), clientId.value());
	}

}
