package io.livechat.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.livechat.chat.Appended;
import io.livechat.chat.ChatException;
import io.livechat.chat.ChatMessage;
import io.livechat.chat.ClientMessageId;
import io.livechat.chat.History;
import io.livechat.chat.MessageImage;
import io.livechat.chat.MessageStore;
import io.livechat.chat.NewMessage;
import io.livechat.chat.RecentMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps messages in a relational database (H2 embedded by default, PostgreSQL in production).
 * <p>
 * Group commit ({@link GroupCommit}): messages wait in a bounded queue for one writer thread,
 * which inserts all that have arrived in one transaction, gives them their ids in queue order, and only after the
 * commit reports them (in that order) as stored, so that nothing is broadcast before it is
 * durable, concurrent senders share commits, and ids within a room stay consecutive (a failed
 * batch assigns none). Each room's newest {@value MessageStore#HISTORY_LIMIT} messages and its
 * last id are also kept in memory, loaded on the room's first use, so joins and reconnects do not
 * query the database.
 * <p>
 * {@linkplain #shared Shared} by several nodes (a cluster), the store caches nothing: ids come
 * from the room's {@code room_counters} row ({@link RoomCounters}), locked in the transaction that inserts the messages
 * (so whichever node stores a message, a room's ids stay unique and consecutive, and commit in id
 * order), and histories are read from the database.
 */
public class JdbcMessageStore implements MessageStore, AutoCloseable {

	/** Messages waiting for the writer; past this many, a send is refused as unavailable. */
	static final int MAX_PENDING = 10_000;

	/** The most messages in one transaction. */
	static final int MAX_BATCH = 512;

	private static final Logger logger = LoggerFactory.getLogger(JdbcMessageStore.class);

	private static final String INSERT = """
			INSERT INTO messages (room, id, username, text, created_at, image_id, image_width, image_height,
			    sender_id, client_msg_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final TransactionTemplate transaction;

	private final MessageQueries queries;

	private final RoomCounters counters;

	private final ClientMessageIds clientIds;

	/** Each room's newest messages and last id, loaded on first use; guarded by its own monitor. */
	private final Map<String, RecentMessages> logs = new ConcurrentHashMap<>();

	private final GroupCommit<Pending> writer;

	/** Whether other nodes store messages in the same rooms (see the class comment). */
	private final boolean shared;

	/** The only writer of its database: ids and recent messages are kept in memory. */
	public JdbcMessageStore(DataSource dataSource) {
		this(dataSource, false);
	}

	/**
	 * A store that shares its database with other nodes, after making sure each room has a
	 * counter at least as high as its highest stored id.
	 */
	public static JdbcMessageStore shared(DataSource dataSource, List<String> roomIds) {
		JdbcMessageStore store = new JdbcMessageStore(dataSource, true);
		roomIds.forEach(store.counters::prepare);
		return store;
	}

	private JdbcMessageStore(DataSource dataSource, boolean shared) {
		this.shared = shared;
		this.jdbc = JdbcClient.create(dataSource);
		this.batch = new JdbcTemplate(dataSource);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.queries = new MessageQueries(this.jdbc);
		this.counters = new RoomCounters(this.jdbc);
		this.clientIds = new ClientMessageIds(this.jdbc);
		this.writer = new GroupCommit<>("livechat-message-writer", MAX_PENDING, MAX_BATCH, new GroupCommit.Committer<>() {
			@Override
			public void commit(List<Pending> batch) {
				JdbcMessageStore.this.commit(batch);
			}

			@Override
			public void failed(List<Pending> batch, RuntimeException reason) {
				JdbcMessageStore.this.failed(batch, reason);
			}
		});
	}

	@Override
	public void append(NewMessage message, Appended then) {
		if (!this.writer.offer(new Pending(message, then))) {
			then.failed(unavailable());
		}
	}

	/** Stores one message and waits for its commit. */
	@Override
	public ChatMessage append(String roomId, String username, String text, MessageImage image, long timestamp) {
		CompletableFuture<ChatMessage> stored = new CompletableFuture<>();
		append(new NewMessage(roomId, username, text, image, timestamp, null), new Appended() {
			@Override
			public void stored(ChatMessage message) {
				stored.complete(message);
			}

			@Override
			public void failed(ChatException reason) {
				stored.completeExceptionally(reason);
			}
		});
		try {
			return stored.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof ChatException reason) ? reason : ex;
		}
	}

	/** Stops taking messages, commits those still waiting, and stops the writer. */
	@Override
	public void close() throws InterruptedException {
		this.writer.close();
	}

	/**
	 * Inserts a batch in one transaction, then reports each message, in order. A message whose
	 * client id its sender stored before (on any node, before any restart) or earlier in the batch
	 * is not inserted: it is reported as stored already.
	 */
	private void commit(List<Pending> batch) {
		List<NewMessage> messages = batch.stream().map(Pending::message).toList();
		Stored outcome;
		try {
			outcome = this.shared ? this.transaction.execute((status) -> storeShared(messages)) : storeLocal(messages);
		}
		catch (DataAccessException | TransactionException ex) {
			throw Database.unavailable(ex);
		}
		for (int i = 0; i < batch.size(); i++) {
			Pending pending = batch.get(i);
			Long known = outcome.known().get(i);
			try {
				if (known != null) {
					pending.then.alreadyStored(known);
					continue;
				}
				ChatMessage message = outcome.messages().get(i);
				if (!this.shared) {
					RecentMessages log = this.logs.get(message.room());
					synchronized (log) {
						log.add(message);
					}
				}
				pending.then.stored(message);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not deliver a stored message of #{}", pending.message.roomId(), ex);
			}
		}
	}

	/**
	 * What a batch became: for each message, either the id it was stored under before ({@code known})
	 * or itself as stored now ({@code messages}); the other is null.
	 */
	private record Stored(List<Long> known, List<ChatMessage> messages) {

		List<Integer> inserted() {
			return IntStream.range(0, this.messages.size()).filter((i) -> this.messages.get(i) != null).boxed().toList();
		}

	}

	/** Ids from this store's own memory of each room's last id (it is the only writer). */
	private Stored storeLocal(List<NewMessage> batch) {
		Map<String, Long> lastIds = new HashMap<>();
		Stored stored = assign(batch, (room) -> lastIds.compute(room, (key, last) -> ((last != null) ? last : lastId(key)) + 1));
		List<Integer> rows = stored.inserted();
		if (rows.size() == 1) { // nothing to share: one auto-committed insert is cheaper
			insert(batch, stored, rows);
		}
		else if (!rows.isEmpty()) {
			this.transaction.execute((status) -> insert(batch, stored, rows));
		}
		return stored;
	}

	/**
	 * Inside the transaction: ids from the rooms' counters, locked until it ends. The resends are
	 * read under those locks, so no other node stores one of them meanwhile.
	 */
	private Stored storeShared(List<NewMessage> batch) {
		Map<String, Long> lastIds = this.counters.lock(batch.stream().map(NewMessage::roomId).toList());
		Stored stored = assign(batch, (room) -> lastIds.merge(room, 1L, Long::sum));
		List<Integer> rows = stored.inserted();
		if (!rows.isEmpty()) {
			this.counters.update(lastIds);
			insert(batch, stored, rows);
		}
		return stored;
	}

	/** Sorts out the resends, and gives each new message the next id of its room, in batch order. */
	private Stored assign(List<NewMessage> batch, ToLongFunction<String> nextId) {
		ClientMessageIds.Sorted sorted = this.clientIds.sort(batch);
		List<Long> known = new ArrayList<>(sorted.known());
		List<ChatMessage> messages = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			Integer first = sorted.repeats().get(i);
			if (first != null) {
				known.set(i, messages.get(first).id());
			}
			NewMessage message = batch.get(i);
			messages.add(sorted.isNew(i) ? message.stored(nextId.applyAsLong(message.roomId())) : null);
		}
		return new Stored(known, messages);
	}

	private int[][] insert(List<NewMessage> batch, Stored stored, List<Integer> rows) {
		return this.batch.batchUpdate(INSERT, rows, MAX_BATCH,
				(statement, i) -> bind(statement, batch.get(i), stored.messages().get(i).id()));
	}

	/** A batch that was not stored (or raced the close): each sender hears it. */
	private void failed(List<Pending> batch, RuntimeException ex) {
		if (ex != null && !(ex instanceof ChatException)) {
			logger.error("Could not store a batch of {} messages", batch.size(), ex);
		}
		// The outcome may be unknown (a commit whose answer was lost): read each room's last id
		// again on its next use rather than trust the cached one.
		batch.forEach((pending) -> this.logs.remove(pending.message.roomId()));
		ChatException reason = (ex instanceof ChatException chatException) ? chatException : unavailable();
		for (Pending message : batch) {
			try {
				message.then.failed(reason);
			}
			catch (RuntimeException callbackFailure) {
				logger.warn("Could not report a failed message of #{}", message.message.roomId(), callbackFailure);
			}
		}
	}

	private static void bind(PreparedStatement statement, NewMessage message, long id) throws SQLException {
		statement.setString(1, message.roomId());
		statement.setLong(2, id);
		statement.setString(3, message.username());
		statement.setString(4, message.text());
		statement.setLong(5, message.timestamp());
		MessageImage image = message.image();
		statement.setString(6, (image != null) ? image.id() : null);
		statement.setObject(7, (image != null) ? image.width() : null, Types.INTEGER);
		statement.setObject(8, (image != null) ? image.height() : null, Types.INTEGER);
		ClientMessageId clientId = message.clientId();
		statement.setString(9, (clientId != null) ? clientId.sender() : null);
		statement.setString(10, (clientId != null) ? clientId.value() : null);
	}

	/**
	 * Up to {@code limit} of the room's messages with an id greater than {@code afterId}, oldest
	 * first, read from the database: what a node of a cluster missed.
	 */
	public List<ChatMessage> range(String roomId, long afterId, int limit) {
		return guarded(() -> this.queries.after(roomId, afterId, limit));
	}

	/** Each room's last id as the database has it (rooms with a counter only). */
	public Map<String, Long> lastIds() {
		return guarded(this.counters::lastIds);
	}

	private long lastId(String roomId) {
		RecentMessages log = log(roomId);
		synchronized (log) {
			return log.lastId();
		}
	}

	@Override
	public History after(String roomId, long afterId, int limit) {
		if (this.shared) {
			return afterFromDatabase(roomId, afterId, limit);
		}
		RecentMessages log = log(roomId);
		synchronized (log) {
			// The cache holds the room's newest messages, which is all a join's history can show
			// (older ones are paged in with before()): no database call under the room's lock.
			return log.after(afterId, limit);
		}
	}

	/** As {@link RecentMessages#after}, read from the database, whose counter has the last id. */
	private History afterFromDatabase(String roomId, long afterId, int limit) {
		long lastId = guarded(() -> this.counters.lastId(roomId));
		long from = (afterId > lastId) ? 0 : Math.max(afterId, 0);
		// one more than asked: whether older ones exist is read in the same query, whatever
		// another node commits meanwhile
		List<ChatMessage> newestFirst = guarded(() -> this.queries.newestAfter(roomId, from, limit + 1));
		boolean truncated = newestFirst.size() > limit || (newestFirst.isEmpty() && lastId > from)
				|| (!newestFirst.isEmpty() && newestFirst.get(newestFirst.size() - 1).id() > from + 1);
		List<ChatMessage> window = new ArrayList<>(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
		Collections.reverse(window);
		return new History(List.copyOf(window), truncated);
	}

	@Override
	public History before(String roomId, long beforeId, int limit) {
		List<ChatMessage> newestFirst = guarded(() -> this.queries.newestBefore(roomId, beforeId, limit + 1));
		boolean older = newestFirst.size() > limit;
		List<ChatMessage> window = new ArrayList<>(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
		Collections.reverse(window);
		return new History(List.copyOf(window), older);
	}

	/** Drops cached messages older than {@code cutoffMillis}, as the pruner deleted them. */
	void forgetOlderThan(String roomId, long cutoffMillis) {
		RecentMessages log = this.logs.get(roomId);
		if (log != null) {
			synchronized (log) {
				log.dropOlderThan(cutoffMillis);
			}
		}
	}

	private RecentMessages log(String roomId) {
		RecentMessages log = this.logs.get(roomId);
		if (log != null) {
			return log;
		}
		// Loaded outside computeIfAbsent: a database call must not run inside the map's lock.
		List<ChatMessage> newestFirst = guarded(() -> this.queries.newestAfter(roomId, 0, HISTORY_LIMIT));
		long lastId = newestFirst.isEmpty() ? guarded(() -> this.queries.maxId(roomId)) : newestFirst.get(0).id();
		RecentMessages loaded = new RecentMessages(lastId, newestFirst);
		RecentMessages existing = this.logs.putIfAbsent(roomId, loaded);
		return (existing != null) ? existing : loaded;
	}

	private static <T> T guarded(Supplier<T> databaseCall) {
		return Database.guarded(databaseCall);
	}

	private static ChatException unavailable() {
		return Database.unavailable();
	}

	private record Pending(NewMessage message, Appended then) {
	}

}
