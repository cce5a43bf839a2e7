package io.livechat.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.livechat.chat.ChatException;
import io.livechat.chat.ChatMessage;
import io.livechat.chat.RoomRegistry;
import io.livechat.persistence.JdbcMessageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the gaps that Redis pub/sub (at most once) leaves: compares each room's last id in the
 * database with the last this node delivered, reads what is missing, oldest first, and offers it
 * to the {@link MessageSequencer}. Runs every catch-up interval, and soon after a message arrives
 * whose predecessor is missing.
 */
final class CatchUp {

	private static final Logger logger = LoggerFactory.getLogger(CatchUp.class);

	/** Messages read from the database at once. */
	static final int PAGE = 500;

	/** Pages read in one round; the next round goes on. */
	static final int MAX_PAGES = 20;

	/** A gap seen by the sequencer is filled this soon (unless the missing message arrives first). */
	static final long SOON_MILLIS = 100;

	private final JdbcMessageStore store;

	/** The registry, whose events include this: looked up at first use. */
	private final Supplier<RoomRegistry> registry;

	private final MessageSequencer sequencer;

	private final ScheduledExecutorService scheduler;

	private final AtomicBoolean soonScheduled = new AtomicBoolean();

	CatchUp(JdbcMessageStore store, Supplier<RoomRegistry> registry, MessageSequencer sequencer,
			ScheduledExecutorService scheduler) {
		this.store = store;
		this.registry = registry;
		this.sequencer = sequencer;
		this.scheduler = scheduler;
	}

	/** Asks for a round shortly (once, however often it is asked meanwhile). */
	void soon() {
		if (this.soonScheduled.compareAndSet(false, true)) {
			try {
				this.scheduler.schedule(() -> {
					this.soonScheduled.set(false);
					run();
				}, SOON_MILLIS, TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) { // shutting down: the next start catches up
				this.soonScheduled.set(false);
			}
		}
	}

	/** One round over every room; a database that cannot be read is tried again next round. */
	void run() {
		try {
			Map<String, Long> lastIds = this.store.lastIds();
			lastIds.forEach((roomId, lastId) -> {
				if (this.registry.get().isRoom(roomId)) { // another node may serve rooms this one does not
					fill(roomId, lastId);
				}
			});
		}
		catch (ChatException ex) {
			logger.debug("Catch-up postponed: {}", ex.getMessage()); // the store logged the database's error
		}
	}

	/**
	 * Delivers the room's messages up to {@code lastId}, under the room's lock (see
	 * {@link RoomRegistry#exclusively}). Ids commit in order, so a missing id below a stored one
	 * was deleted (pruned while this node was far behind): it is skipped, or the room would wait
	 * for it for ever.
	 */
	private void fill(String roomId, long lastId) {
		for (int page = 0; page < MAX_PAGES && this.sequencer.delivered(roomId) < lastId; page++) {
			long delivered = this.sequencer.delivered(roomId);
			List<ChatMessage> missed = this.store.range(roomId, delivered, PAGE);
			if (missed.isEmpty()) {
				return;
			}
			this.registry.get().exclusively(roomId, () -> {
				this.sequencer.skipTo(roomId, missed.get(0).id() - 1);
				this.sequencer.offerAll(missed);
			});
		}
	}

}
