package io.livechat.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.livechat.direct.Conversation;
import io.livechat.direct.DirectMessage;
import io.livechat.direct.DirectMessageStore.Kept;
import io.livechat.direct.DirectMessageStore.Page;
import io.livechat.direct.DirectMessageStore.Summary;
import io.livechat.people.Person;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reads of direct messages as one of their two people may see them: everything but what was
 * hidden from them as its recipient (sent while they blocked its sender).
 */
final class DirectMessageQueries {

	static final String COLUMNS = """
			conversation, id, sender, sender_name, recipient, recipient_name, text, created_at, \
			image_id, image_width, image_height""";

	private static final String VISIBLE_TO = "NOT (hidden AND recipient = ?)";

	private static final RowMapper<DirectMessage> MESSAGE = (row, n) -> new DirectMessage(row.getLong("id"),
			row.getString("conversation"), new Person(row.getString("sender"), row.getString("sender_name")),
			new Person(row.getString("recipient"), row.getString("recipient_name")), row.getString("text"),
			row.getLong("created_at"), StoredImages.of(row));

	private static final RowMapper<Kept> KEPT = (row, n) -> new Kept(MESSAGE.mapRow(row, n), row.getBoolean("hidden"));

	private final JdbcClient jdbc;

	DirectMessageQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The person's conversations with anyone they do not block, newest first. */
	List<Summary> conversationsOf(String person, int limit) {
		List<String> ids = this.jdbc.sql("""
				SELECT c.id FROM conversations c
				WHERE (c.first_id = ? OR c.second_id = ?) AND c.last_id > 0
				AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.person = ?
				  AND b.blocked = CASE WHEN c.first_id = ? THEN c.second_id ELSE c.first_id END)
				ORDER BY c.last_at DESC, c.id LIMIT ?
				""").params(person, person, person, person, limit).query(String.class).list();
		List<Summary> summaries = new ArrayList<>(ids.size());
		for (String id : ids) {
			String[] people = id.split("\\.");
			Summary summary = conversation(person, Conversation.between(people[0], people[1]));
			if (summary != null) {
				summaries.add(summary);
			}
		}
		return summaries;
	}

	/** One conversation as {@code person} sees it; null when it has no message. */
	Summary conversation(String person, Conversation conversation) {
		String peer = conversation.other(person);
		long lastId = this.jdbc.sql("SELECT last_id FROM conversations WHERE id = ?")
			.param(conversation.id())
			.query(Long.class)
			.optional()
			.orElse(0L);
		if (lastId == 0) {
			return null;
		}
		long lastReadId = lastReadId(person, conversation);
		long peerLastReadId = lastReadId(peer, conversation);
		int unread = this.jdbc.sql("""
				SELECT COUNT(*) FROM direct_messages
				WHERE conversation = ? AND id > ? AND sender = ? AND NOT hidden
				""").params(conversation.id(), lastReadId, peer).query(Integer.class).single();
		DirectMessage last = this.jdbc.sql("SELECT " + COLUMNS + " FROM direct_messages WHERE conversation = ? AND "
				+ VISIBLE_TO + " ORDER BY id DESC LIMIT 1").params(conversation.id(), person).query(MESSAGE).optional()
			.orElse(null);
		return new Summary(conversation, peer, lastId, lastReadId, peerLastReadId, unread, blocks(person, peer), last);
	}

	private long lastReadId(String person, Conversation conversation) {
		return this.jdbc.sql("SELECT last_read_id FROM conversation_reads WHERE person = ? AND conversation = ?")
			.params(person, conversation.id())
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/** See {@link io.livechat.direct.DirectMessageStore#page}. */
	Page page(Conversation conversation, String viewer, Long beforeId, Long sinceId, int limit) {
		if (sinceId != null) {
			List<DirectMessage> after = this.jdbc.sql("SELECT " + COLUMNS + " FROM direct_messages WHERE conversation = ? AND id > ? AND "
					+ VISIBLE_TO + " ORDER BY id LIMIT ?").params(conversation.id(), sinceId, viewer, limit + 1)
				.query(MESSAGE)
				.list();
			return new Page(List.copyOf(after.subList(0, Math.min(limit, after.size()))), after.size() > limit);
		}
		long below = (beforeId != null) ? beforeId : Long.MAX_VALUE;
		List<DirectMessage> newestFirst = this.jdbc.sql("SELECT " + COLUMNS + " FROM direct_messages WHERE conversation = ? AND id < ? AND "
				+ VISIBLE_TO + " ORDER BY id DESC LIMIT ?").params(conversation.id(), below, viewer, limit + 1)
			.query(MESSAGE)
			.list();
		List<DirectMessage> page = new ArrayList<>(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
		Collections.reverse(page);
		return new Page(List.copyOf(page), newestFirst.size() > limit);
	}

	/** Every message after {@code afterId}, hidden or not, oldest first, at most {@code limit}. */
	List<Kept> range(String conversation, long afterId, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + ", hidden FROM direct_messages "
				+ "WHERE conversation = ? AND id > ? ORDER BY id LIMIT ?").params(conversation, afterId, limit)
			.query(KEPT)
			.list();
	}

	boolean blocks(String person, String other) {
		return this.jdbc.sql("SELECT COUNT(*) FROM blocks WHERE person = ? AND blocked = ?")
			.params(person, other)
			.query(Integer.class)
			.single() > 0;
	}

	/** The id of the message {@code sender} stored with {@code clientMsgId} in the conversation, or null. */
	Long clientMessage(String conversation, String sender, String clientMsgId) {
		return this.jdbc.sql("SELECT id FROM direct_messages WHERE conversation = ? AND sender = ? AND client_msg_id = ?")
			.params(conversation, sender, clientMsgId)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

}
