package io.livechat.persistence;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.livechat.chat.ChatException;
import io.livechat.chat.MessageImage;
import io.livechat.direct.Conversation;
import io.livechat.direct.DirectMessage;
import io.livechat.direct.DirectMessageStore;
import io.livechat.direct.DirectMessageStore.Kept;
import io.livechat.people.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Direct messages in the database (H2 by default, PostgreSQL in production): group commit as for
 * rooms' messages (one writer, one transaction per batch, reports in order after the commit), ids
 * from each conversation's row, locked in the transaction that inserts its messages, so they stay
 * consecutive whichever node stores them. A conversation's row and both people's read positions
 * are made before its first message is queued.
 */
public class JdbcDirectMessageStore implements DirectMessageStore, AutoCloseable {

	static final int MAX_PENDING = 10_000;

	static final int MAX_BATCH = 256;

	private static final Logger logger = LoggerFactory.getLogger(JdbcDirectMessageStore.class);



	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final TransactionTemplate transaction;

	private final GroupCommit<Pending> writer;

	private final DirectMessageQueries queries;

	public JdbcDirectMessageStore(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
		this.batch = new JdbcTemplate(dataSource);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.queries = new DirectMessageQueries(this.jdbc);
		this.writer = new GroupCommit<>("livechat-dm-writer", MAX_PENDING, MAX_BATCH, new GroupCommit.Committer<>() {
			@Override
			public void commit(List<Pending> batch) {
				JdbcDirectMessageStore.this.commit(batch);
			}

			@Override
			public void failed(List<Pending> batch, RuntimeException reason) {
				if (reason != null && !(reason instanceof ChatException)) {
					logger.error("Could not store a batch of {} direct messages", batch.size(), reason);
				}
				ChatException unavailable = (reason instanceof ChatException chat) ? chat : Database.unavailable();
				batch.forEach((pending) -> report(() -> pending.then.failed(unavailable)));
			}
		});
	}

	@Override
	public void append(Conversation conversation, Person from, Person to, String text, MessageImage image,
			long timestamp, boolean hidden, String clientMsgId, Stored then) {
		prepare(conversation, timestamp);
		if (!this.writer.offer(new Pending(conversation, from, to, text, image, timestamp, hidden, clientMsgId, then))) {
			then.failed(Database.unavailable());
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.writer.close();
	}

	/** The conversation's row and both read positions, unless they exist (made by one caller only). */
	private void prepare(Conversation conversation, long now) {
		if (Database.guarded(() -> this.jdbc.sql("SELECT COUNT(*) FROM conversations WHERE id = ?")
			.param(conversation.id())
			.query(Integer.class)
			.single()) > 0) {
			return;
		}
		Database.guarded(() -> {
			try {
				return this.transaction.execute((status) -> {
					this.jdbc.sql("INSERT INTO conversations (id, first_id, second_id, last_id, last_at) VALUES (?, ?, ?, 0, ?)")
						.params(conversation.id(), conversation.first(), conversation.second(), now)
						.update();
					for (String person : List.of(conversation.first(), conversation.second())) {
						this.jdbc.sql("INSERT INTO conversation_reads (person, conversation, last_read_id) VALUES (?, ?, 0)")
							.params(person, conversation.id())
							.update();
					}
					return null;
				});
			}
			catch (DuplicateKeyException ex) { // made at the same moment by another sender or node
				return null;
			}
		});
	}

	/**
	 * One transaction: each conversation's row locked (in id order), the messages inserted. A
	 * message whose client id its sender stored before (found under the conversation's lock, so no
	 * other node can be storing it too) or earlier in the batch is not inserted again.
	 */
	private void commit(List<Pending> batch) {
		Long[] known = new Long[batch.size()];
		List<DirectMessage> messages = Database.guarded(() -> this.transaction.execute((status) -> {
			Map<String, Long> lastIds = new TreeMap<>();
			batch.forEach((pending) -> lastIds.put(pending.conversation.id(), 0L));
			for (String conversation : lastIds.keySet()) {
				lastIds.put(conversation, this.jdbc.sql("SELECT last_id FROM conversations WHERE id = ? FOR UPDATE")
					.param(conversation)
					.query(Long.class)
					.single());
			}
			Map<List<String>, Integer> firsts = new HashMap<>();
			List<DirectMessage> all = new ArrayList<>(batch.size());
			List<Integer> fresh = new ArrayList<>(batch.size());
			for (int i = 0; i < batch.size(); i++) {
				Pending pending = batch.get(i);
				known[i] = null;
				if (pending.clientMsgId != null) {
					List<String> key = List.of(pending.conversation.id(), pending.from.id(), pending.clientMsgId);
					Integer first = firsts.putIfAbsent(key, i);
					if (first == null) {
						known[i] = this.queries.clientMessage(key.get(0), key.get(1), key.get(2));
					}
					else {
						known[i] = (all.get(first) != null) ? Long.valueOf(all.get(first).id()) : known[first];
					}
				}
				if (known[i] != null) {
					all.add(null);
					continue;
				}
				long id = lastIds.merge(pending.conversation.id(), 1L, Long::sum);
				all.add(new DirectMessage(id, pending.conversation.id(), pending.from, pending.to, pending.text,
						pending.timestamp, pending.image));
				fresh.add(i);
			}
			List<DirectMessage> stored = fresh.stream().map(all::get).toList();
			this.batch.batchUpdate("INSERT INTO direct_messages (" + DirectMessageQueries.COLUMNS
					+ ", hidden, client_msg_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					indices(stored.size()), MAX_BATCH, (statement, n) -> {
						int i = fresh.get(n);
						DirectMessage message = all.get(i);
						statement.setString(1, message.conversation());
						statement.setLong(2, message.id());
						statement.setString(3, message.from().id());
						statement.setString(4, message.from().name());
						statement.setString(5, message.to().id());
						statement.setString(6, message.to().name());
						statement.setString(7, message.text());
						statement.setLong(8, message.timestamp());
						MessageImage image = message.image();
						statement.setString(9, (image != null) ? image.id() : null);
						statement.setObject(10, (image != null) ? image.width() : null, Types.INTEGER);
						statement.setObject(11, (image != null) ? image.height() : null, Types.INTEGER);
						statement.setBoolean(12, batch.get(i).hidden);
						statement.setString(13, batch.get(i).clientMsgId);
					});
			for (DirectMessage message : stored) { // a sender has read what they wrote
				this.jdbc.sql("""
						UPDATE conversation_reads SET last_read_id = ?
						WHERE person = ? AND conversation = ? AND last_read_id < ?
						""").params(message.id(), message.from().id(), message.conversation(), message.id()).update();
			}
			for (DirectMessage message : stored) {
				this.jdbc.sql("UPDATE conversations SET last_id = ?, last_at = ? WHERE id = ? AND last_id < ?")
					.params(message.id(), message.timestamp(), message.conversation(), message.id())
					.update();
			}
			return all;
		}));
		for (int i = 0; i < batch.size(); i++) {
			DirectMessage message = messages.get(i);
			Stored then = batch.get(i).then;
			Long id = known[i];
			report((id != null) ? () -> then.alreadyStored(id) : () -> then.stored(message));
		}
	}

	private static List<Integer> indices(int size) {
		List<Integer> indices = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			indices.add(i);
		}
		return indices;
	}

	private static void report(Runnable callback) {
		try {
			callback.run();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not report a direct message", ex);
		}
	}

	@Override
	public List<Summary> conversationsOf(String person, int limit) {
		return Database.guarded(() -> this.queries.conversationsOf(person, limit));
	}

	@Override
	public Summary conversation(String person, Conversation conversation) {
		return Database.guarded(() -> this.queries.conversation(person, conversation));
	}

	@Override
	public Page page(Conversation conversation, String viewer, Long beforeId, Long sinceId, int limit) {
		return Database.guarded(() -> this.queries.page(conversation, viewer, beforeId, sinceId, limit));
	}

	@Override
	public boolean markRead(String person, Conversation conversation, long id) {
		return Database.guarded(() -> this.jdbc.sql("""
				UPDATE conversation_reads
				SET last_read_id = LEAST(?, (SELECT last_id FROM conversations WHERE id = ?))
				WHERE person = ? AND conversation = ? AND last_read_id < LEAST(?, (SELECT last_id FROM conversations WHERE id = ?))
				""").params(id, conversation.id(), person, conversation.id(), id, conversation.id()).update()) > 0;
	}

	@Override
	public void block(String person, String other, boolean blocked) {
		Database.guarded(() -> {
			if (!blocked) {
				return this.jdbc.sql("DELETE FROM blocks WHERE person = ? AND blocked = ?").params(person, other).update();
			}
			if (blocks(person, other)) {
				return 0;
			}
			try {
				return this.jdbc.sql("INSERT INTO blocks (person, blocked) VALUES (?, ?)").params(person, other).update();
			}
			catch (DuplicateKeyException ex) { // another tab, at the same moment
				return 0;
			}
		});
	}

	@Override
	public boolean blocks(String person, String other) {
		return Database.guarded(() -> this.queries.blocks(person, other));
	}

	@Override
	public boolean exists(Conversation conversation) {
		return Database.guarded(() -> this.jdbc.sql("SELECT COUNT(*) FROM conversations WHERE id = ? AND last_id > 0")
			.param(conversation.id())
			.query(Integer.class)
			.single()) > 0;
	}

	@Override
	public List<String> peersOf(String person) {
		return Database.guarded(() -> this.jdbc.sql("""
				SELECT CASE WHEN first_id = ? THEN second_id ELSE first_id END FROM conversations
				WHERE (first_id = ? OR second_id = ?) AND last_id > 0
				""").params(person, person, person).query(String.class).list());
	}

	/** Up to {@code limit} of the conversation's messages after {@code afterId}, oldest first: what a node of a cluster missed. */
	public List<Kept> range(String conversation, long afterId, int limit) {
		return Database.guarded(() -> this.queries.range(conversation, afterId, limit));
	}

	/** The last id of each conversation with a message stored at or after {@code sinceMillis} (a node's clock). */
	public Map<String, Long> lastIdsSince(long sinceMillis) {
		Map<String, Long> lastIds = new HashMap<>();
		Database.guarded(() -> this.jdbc.sql("SELECT id, last_id FROM conversations WHERE last_at >= ? AND last_id > 0")
			.param(sinceMillis)
			.query((row, n) -> lastIds.put(row.getString("id"), row.getLong("last_id")))
			.list());
		return lastIds;
	}

	/** The last id of each of the person's conversations. */
	public Map<String, Long> lastIdsOf(String person) {
		Map<String, Long> lastIds = new HashMap<>();
		Database.guarded(() -> this.jdbc.sql("SELECT id, last_id FROM conversations WHERE first_id = ? OR second_id = ?")
			.params(person, person)
			.query((row, n) -> lastIds.put(row.getString("id"), row.getLong("last_id")))
			.list());
		return lastIds;
	}

	@Override
	public int deleteOlderThan(long cutoffMillis) {
		return Database.guarded(() -> this.jdbc.sql("DELETE FROM direct_messages WHERE created_at < ?")
			.param(cutoffMillis)
			.update());
	}

	private record Pending(Conversation conversation, Person from, Person to, String text, MessageImage image,
			long timestamp, boolean hidden, String clientMsgId, Stored then) {
	}

}
