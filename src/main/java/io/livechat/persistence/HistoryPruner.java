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
 * messages past the retention too.
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
		long cutoff = this.clock.millis() - history.retention().toMillis();
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
					deleted += this.jdbc.sql("DELETE FROM messages WHERE room = ? AND id <= ?")
						.params(room.id(), newest - history.maxPerRoom())
						.update();
				}
			}
			deleted += this.jdbc.sql("DELETE FROM direct_messages WHERE created_at < ?").param(cutoff).update();
		}
		catch (DataAccessException ex) {
			logger.warn("Could not prune the history: {}", ex.getMostSpecificCause().getMessage());
		}
		if (deleted > 0) {
			logger.info("Pruned {} messages", deleted);
		}
		return deleted;
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
