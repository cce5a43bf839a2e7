package io.livechat.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.livechat.chat.ChatException;
import io.livechat.direct.Conversation;
import io.livechat.direct.DirectMessage;
import io.livechat.direct.DirectMessageRoute;
import io.livechat.direct.DirectMessageStore.Kept;
import io.livechat.direct.DirectMessages;
import io.livechat.direct.LocalDelivery;
import io.livechat.persistence.JdbcDirectMessageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Direct messages across the cluster: each stored one is published on the cluster's channel and
 * handed, through the {@link DirectSequencer}, to this node's connections of its two people; the
 * other nodes do the same with what they receive. Lossless and in order as for rooms: a message
 * whose predecessor is missing waits while the missing ones are read from PostgreSQL (soon after
 * the gap, and every catch-up interval for the conversations that changed lately, which also
 * finds a last message whose announcement was lost). A read position moved in a conversation is
 * told the same way, and each node tells its connections of the two people.
 */
final class ClusterDirectMessages implements DirectMessageRoute {

	private static final Logger logger = LoggerFactory.getLogger(ClusterDirectMessages.class);

	/** Messages read from the database at once. */
	static final int PAGE = 500;

	/** How far back a round looks for changed conversations, beyond the previous round (clocks differ). */
	static final Duration MARGIN = Duration.ofSeconds(10);

	private final ClusterBus bus;

	private final String nodeId;

	private final JdbcDirectMessageStore store;

	private final DirectSequencer sequencer;

	private final LocalDelivery local;

	private final Clock clock;

	private final Supplier<DirectMessages> directMessages;

	private final AtomicBoolean soonScheduled = new AtomicBoolean();

	private volatile ScheduledExecutorService scheduler;

	/** When the previous round began (a node's clock, as the database's last_at is). */
	private volatile long previousRound;

	/** @param directMessages this node's, which tell its connections of reads on other nodes */
	ClusterDirectMessages(ClusterBus bus, String nodeId, JdbcDirectMessageStore store, LocalDelivery local,
			Clock clock, Supplier<DirectMessages> directMessages) {
		this.bus = bus;
		this.nodeId = nodeId;
		this.store = store;
		this.local = local;
		this.sequencer = new DirectSequencer(local::deliver);
		this.clock = clock;
		this.directMessages = directMessages;
		this.previousRound = clock.millis();
	}

	/** Rounds every {@code interval} on {@code scheduler}, which also runs the rounds asked for soon. */
	void start(ScheduledExecutorService scheduler, Duration interval) {
		this.scheduler = scheduler;
		scheduler.scheduleWithFixedDelay(this::catchUp, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stored(DirectMessage message, boolean hidden) {
		this.bus.publish(ClusterMessage.of(this.nodeId, message, hidden));
		offer(new Kept(message, hidden));
	}

	@Override
	public void read(String reader, Conversation conversation) {
		this.bus.publish(ClusterMessage.dmRead(this.nodeId, reader, conversation.other(reader)));
	}

	/** Another node moved a read position in a conversation (stored). */
	void readElsewhere(String reader, String peer) {
		if (reader != null && peer != null && !reader.equals(peer)) {
			this.directMessages.get().readElsewhere(reader, Conversation.between(reader, peer));
		}
	}

	@Override
	public void arrived(String person) {
		try {
			this.store.lastIdsOf(person).forEach(this.sequencer::startAfter);
		}
		catch (ChatException ex) { // their conversations start from the next message each
			logger.debug("Could not read the conversations of a person who arrived: {}", ex.getMessage());
		}
	}

	/** Another node's message. */
	void received(DirectMessage message, boolean hidden) {
		if (this.sequencer.delivered(message.conversation()) >= 0
				|| this.local.concernsThisNode(message.conversation())) {
			offer(new Kept(message, hidden));
		}
	}

	private void offer(Kept kept) {
		if (this.sequencer.offer(kept)) {
			soon();
		}
	}

	private void soon() {
		ScheduledExecutorService scheduler = this.scheduler;
		if (scheduler != null && this.soonScheduled.compareAndSet(false, true)) {
			try {
				scheduler.schedule(() -> {
					this.soonScheduled.set(false);
					catchUp();
				}, CatchUp.SOON_MILLIS, TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) { // shutting down
				this.soonScheduled.set(false);
			}
		}
	}

	/** One round: the conversations changed since the previous one, compared with what was delivered here. */
	void catchUp() {
		long start = this.clock.millis();
		try {
			Map<String, Long> lastIds = this.store.lastIdsSince(this.previousRound - MARGIN.toMillis());
			lastIds.forEach(this::fill);
			this.previousRound = start;
		}
		catch (ChatException ex) {
			logger.debug("Direct messages' catch-up postponed: {}", ex.getMessage());
		}
	}

	private void fill(String conversation, long lastId) {
		long delivered = this.sequencer.delivered(conversation);
		if (delivered < 0 && !this.local.concernsThisNode(conversation)) {
			return;
		}
		if (delivered < 0) { // someone here who arrived before it began
			delivered = 0;
			this.sequencer.startAfter(conversation, 0);
		}
		if (delivered >= lastId) {
			return;
		}
		List<Kept> missed = this.store.range(conversation, delivered, PAGE);
		if (!missed.isEmpty()) {
			this.sequencer.skipTo(conversation, missed.get(0).message().id() - 1);
			this.sequencer.offerAll(missed);
		}
	}

}
