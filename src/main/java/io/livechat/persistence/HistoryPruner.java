package io.livechat.persistence;

import java.time.Clock;
import java.util.concurrent.ScheduledFuture;

import io.livechat.chat.Room;
import io.livechat.config.LiveChatProperties;
import io.livechat.config.LiveChatProperties.HistoryRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;

/**
 * Deletes messages past {@code livechat.history.retention} and beyond
 * {@code livechat.history.max-per-room}, every {@code livechat.history.prune-interval}; direct
 * messages past the retention too. The client ids of messages pruned sooner than
 * {@code livechat.history.keep-client-ids} are kept that long, so their resends are still known.
 */
class HistoryPruner implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(HistoryPruner.class);

	private final JdbcClient jdbc;

	private final JdbcMessageStore store;

	private final LiveChatProperties properties;

	private final TaskScheduler scheduler;

	private final Clock clock = Clock.systemUTC();

	private volatile ScheduledFuture<?> pruning;

	HistoryPruner(JdbcClient jdbc, JdbcMessageStore store, LiveChatProperties properties, TaskScheduler scheduler) {
		this.jdbc = jdbc;
		this.store = store;
		this.properties = properties;
		this.scheduler = scheduler;
	}

	/** Applies both rules to every room now; returns how many messages were deleted. */
	int prune() {
		HistoryRetention history = this.properties.history();
		long now = this.clock.millis();
		long cutoff = now - history.retention().toMillis();
		int deleted = 0;
		try {
			for (Room room : this.properties.rooms()) {
				deleted += this.jdbc.sql("DELETE FROM messages WHERE room = ? AND created_at < ?")
					.params(room.id(), cutoff)
					.update();
				this.store.forgetOlderThan(room.id(), cutoff);
				// two statements, each on the primary key: with the newest id in a subquery, H2
				// evaluated it once per row, and a room of 10,000 messages took a core for a minute
				long newest = this.jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM messages WHERE room = ?")
					.param(room.id())
					.query(Long.class)
					.single();
				if (newest > history.maxPerRoom()) {
					long last = newest - history.maxPerRoom();
					rememberClientIds(room.id(), last, now - history.keepClientIds().toMillis());
					deleted += this.jdbc.sql("DELETE FROM messages WHERE room = ? AND id <= ?")
						.params(room.id(), last)
						.update();
				}
			}
			deleted += this.jdbc.sql("DELETE FROM direct_messages WHERE created_at < ?").param(cutoff).update();
			this.jdbc.sql("DELETE FROM pruned_client_msg_ids WHERE created_at < ?")
				.param(now - history.keepClientIds().toMillis())
				.update();
		}
		catch (DataAccessException ex) {
			logger.warn("Could not prune the history: {}", ex.getMostSpecificCause().getMessage());
		}
		if (deleted > 0) {
			logger.info("Pruned {} messages", deleted);
		}
		return deleted;
	}

	/**
	 * Keeps the client ids of the room's messages up to {@code lastId} stored since {@code since}:
	 * their senders' outboxes may still send them again, and must hear that they were stored.
	 * (Messages pruned by age are older than any outbox keeps them.)
	 */
	private void rememberClientIds(String roomId, long lastId, long since) {
		this.jdbc.sql("""
				INSERT INTO pruned_client_msg_ids (room, sender_id, client_msg_id, message_id, created_at)
				SELECT m.room, m.sender_id, m.client_msg_id, m.id, m.created_at FROM messages m
				WHERE m.room = ? AND m.id <= ? AND m.created_at >= ? AND m.client_msg_id IS NOT NULL
				AND NOT EXISTS (SELECT 1 FROM pruned_client_msg_ids p
				    WHERE p.room = m.room AND p.sender_id = m.sender_id AND p.client_msg_id = m.client_msg_id)
				""").params(roomId, lastId, since).update();
	}

	@Override
	public void start() {
		this.pruning = this.scheduler.scheduleWithFixedDelay(this::prune, this.properties.history().pruneInterval());
	}

	@Override
	public void stop() {
		ScheduledFuture<?> pruning = this.pruning;
		if (pruning != null) {
			pruning.cancel(false);
		}
		this.pruning = null;
	}

	@Override
	public boolean isRunning() {
		return this.pruning != null;
	}

}
