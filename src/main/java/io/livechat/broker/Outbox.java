package io.livechat.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * One connection's outgoing frames: a bounded queue that the {@link Writers} hand to the socket
 * ({@link FrameSink}) without ever blocking, a batch at a time. Whoever hands a frame over only
 * queues it: a broadcast to a room never writes and never waits. A connection that does not read
 * is closed with 4500 (Spring's "session not reliable") and its frames dropped, when more than
 * its limit of bytes waits for it, or when nothing it was sent has been written for the send
 * time limit ({@link #closeIfStalled}); no thread waits on it either way. The limit is the send
 * buffer size, or {@value #LONGEST_FRAMES_HELD} times the longest frame the connection was ever
 * given if that is more: a big room's {@code joined} reply and lists grow with the room (a
 * reply to a join into 5,000 people is over 300 KB), and a client that reads them must be able
 * to take them.
 * <p>
 * Spring's own frames for the connection (CONNECTED, heart-beats, RECEIPT, ERROR) arrive through
 * {@link #sendMessage} and take the same queue, so they are written in order with the rest;
 * {@link #close} closes after what was queued before it.
 */
public final class Outbox extends WebSocketSessionDecorator {

	private static final Logger logger = LoggerFactory.getLogger(Outbox.class);

	/** The most frames handed to the socket in one batch. */
	static final int MAX_BATCH_FRAMES = 64;

	/** How many of its longest frames may wait for a connection, whatever its limit. */
	static final int LONGEST_FRAMES_HELD = 4;

	private final Queue<byte[]> frames = new ConcurrentLinkedQueue<>();

	/** Bytes queued or being written. */
	private final AtomicInteger pendingBytes = new AtomicInteger();

	/** Batches handed to the socket and not yet written. */
	private final AtomicInteger writing = new AtomicInteger();

	/** Whether the outbox is on the writers' queue or being drained. */
	private final AtomicBoolean scheduled = new AtomicBoolean();

	private final FrameSink sink;

	private final Drainer writers;

	private final int limit;

	/** The longest frame the connection was given so far. */
	private final AtomicInteger longestFrame = new AtomicInteger();

	private final Runnable onSlowConsumer;

	/** Set once: how the connection is to be closed, after what was queued before. */
	private volatile CloseStatus closing;

	private final AtomicBoolean closeSent = new AtomicBoolean();

	/** Since when the oldest unwritten batch has waited, or 0 (System.nanoTime). */
	private volatile long stalledSince;

	/** When a frame was last handed over (System.nanoTime), for heart-beats. */
	private volatile long lastOfferNanos = System.nanoTime();

	/** The one restricted destination whose events this connection may receive (null: none). */
	private volatile String audience;

	/** Subscriptions of this connection; guarded by {@code this}. */
	private final List<Subscription> subscriptions = new ArrayList<>(4);

	/** The connection has ended; guarded by {@code this}. */
	private boolean ended;

	Outbox(WebSocketSession session, FrameSink sink, Drainer writers, int limitBytes, Runnable onSlowConsumer) {
		super(session);
		this.sink = sink;
		this.writers = writers;
		this.limit = limitBytes;
		this.onSlowConsumer = onSlowConsumer;
	}

	/** Queues a frame (its UTF-8 bytes, shared with other recipients: never changed); never blocks. */
	void offer(byte[] frame) {
		if (this.closing != null) {
			return;
		}
		if (frame.length > this.longestFrame.get()) {
			this.longestFrame.accumulateAndGet(frame.length, Math::max);
		}
		if (this.pendingBytes.addAndGet(frame.length) > limit()) {
			dropAsSlow("more than " + limit() + " bytes wait for it");
			return;
		}
		this.lastOfferNanos = System.nanoTime();
		this.frames.add(frame);
		schedule();
	}

	/** The most bytes that may wait for the connection. */
	private long limit() {
		return Math.max(this.limit, (long) LONGEST_FRAMES_HELD * this.longestFrame.get());
	}

	void setAudience(String destination) {
		this.audience = destination;
	}

	/** Whether this connection may receive the restricted events of {@code destination}. */
	boolean hears(String destination) {
		return destination.equals(this.audience);
	}

	/** When the connection was last given something to send (System.nanoTime). */
	long lastOfferNanos() {
		return this.lastOfferNanos;
	}

	@Override
	public void sendMessage(WebSocketMessage<?> message) {
		if (message instanceof TextMessage text) {
			offer(text.asBytes());
		}
		else {
			// Spring sends binary frames only for binary bodies, which the chat has none of
			logger.debug("Dropped a {} for session {}", message.getClass().getSimpleName(), getId());
		}
	}

	@Override
	public void close() {
		close(CloseStatus.NORMAL);
	}

	/** Closes once the frames queued before are written. */
	@Override
	public void close(CloseStatus status) {
		if (this.closing == null) {
			this.closing = status;
		}
		schedule();
	}

	/**
	 * Closes the connection if something it was sent has waited longer than {@code limitNanos}
	 * unwritten: its client has stopped reading. A close that cannot get through either ends the
	 * connection at once.
	 */
	void closeIfStalled(long now, long limitNanos) {
		long since = this.stalledSince;
		if (since == 0 || now - since <= limitNanos) {
			return;
		}
		if (this.closeSent.get()) {
			this.sink.abort();
		}
		else {
			dropAsSlow("nothing written for " + (now - since) / 1_000_000 + " ms");
		}
	}

	/** @return false if the connection has ended (nothing is added then) */
	boolean addSubscription(Subscription subscription) {
		synchronized (this) {
			if (this.ended) {
				return false;
			}
			this.subscriptions.add(subscription);
			return true;
		}
	}

	Subscription removeSubscription(String id) {
		synchronized (this) {
			for (int i = 0; i < this.subscriptions.size(); i++) {
				if (this.subscriptions.get(i).id().equals(id)) {
					return this.subscriptions.remove(i);
				}
			}
			return null;
		}
	}

	/** Removes and returns every subscription (the connection stays open). */
	List<Subscription> removeSubscriptions() {
		synchronized (this) {
			List<Subscription> removed = List.copyOf(this.subscriptions);
			this.subscriptions.clear();
			return removed;
		}
	}

	/** The connection has ended: drops what is queued, returns its subscriptions. */
	List<Subscription> end() {
		synchronized (this) {
			this.ended = true;
			if (this.closing == null) {
				this.closing = CloseStatus.NORMAL;
			}
			this.closeSent.set(true);
			this.frames.clear();
			this.stalledSince = 0;
			List<Subscription> ended = List.copyOf(this.subscriptions);
			this.subscriptions.clear();
			return ended;
		}
	}

	private void schedule() {
		if (this.scheduled.compareAndSet(false, true)) {
			this.writers.ready(this);
		}
	}

	/**
	 * Hands what is queued to the socket, a batch at a time (on a writer's thread, one at a time
	 * per connection), then the close frame when one is due and everything before it is handed
	 * over.
	 */
	public void drain() {
		try {
			if (this.closing == CloseStatus.SESSION_NOT_RELIABLE) {
				this.frames.clear();
			}
			if (this.sink.pipelines() || this.writing.get() == 0) {
				sendBatch();
			}
			if (this.closing != null && this.frames.isEmpty() && (this.sink.pipelines() || this.writing.get() == 0)
					&& this.closeSent.compareAndSet(false, true)) {
				this.sink.close(this.closing);
			}
		}
		finally {
			this.scheduled.set(false);
		}
		// more arrived meanwhile (or the batch above was full): go on, as another turn
		if (!this.frames.isEmpty() && (this.sink.pipelines() || this.writing.get() == 0)) {
			schedule();
		}
	}

	private void sendBatch() {
		byte[] first = this.frames.poll();
		if (first == null) {
			return;
		}
		int bytes = first.length;
		List<byte[]> batch;
		byte[] next = this.frames.poll();
		if (next == null) {
			batch = List.of(first); // the usual case when the writers keep up: one frame per turn
		}
		else {
			batch = new ArrayList<>(8);
			batch.add(first);
			do {
				batch.add(next);
				bytes += next.length;
			}
			while (batch.size() < MAX_BATCH_FRAMES && (next = this.frames.poll()) != null);
		}
		int written = bytes;
		if (this.writing.getAndIncrement() == 0 && this.sink.pipelines()) {
			this.stalledSince = System.nanoTime();
		}
		this.sink.send(batch, new FrameSink.Done() {
			@Override
			public void started() {
				if (!Outbox.this.sink.pipelines()) {
					Outbox.this.stalledSince = System.nanoTime();
				}
			}

			@Override
			public void written() {
				Outbox.this.pendingBytes.addAndGet(-written);
				// progress: the clock of a stalled client starts again from the next batch
				Outbox.this.stalledSince = (Outbox.this.writing.decrementAndGet() == 0) ? 0 : System.nanoTime();
				if (!Outbox.this.sink.pipelines() && (!Outbox.this.frames.isEmpty() || Outbox.this.closing != null)) {
					schedule();
				}
			}

			@Override
			public void failed(Throwable reason) {
				// the connection broke: it is ending, and what is queued for it will not get through
				Outbox.this.writing.decrementAndGet();
				logger.debug("Writing to session {} failed: {}", getId(), reason.toString());
				Outbox.this.frames.clear();
				Outbox.this.sink.abort();
			}
		});
	}

	/** The client does not read: close it with 4500, drop its frames, count it. */
	private void dropAsSlow(String why) {
		int queued = this.frames.size();
		this.frames.clear();
		if (this.closing == null || this.closing != CloseStatus.SESSION_NOT_RELIABLE) {
			boolean first = (this.closing == null);
			this.closing = CloseStatus.SESSION_NOT_RELIABLE;
			if (first) {
				logger.debug("Session {} does not read its frames ({}; {} frames queued, {} batches unwritten); closing it",
						getId(), why, queued, this.writing.get());
				this.onSlowConsumer.run();
			}
			if (this.closeSent.compareAndSet(false, true)) {
				this.sink.close(CloseStatus.SESSION_NOT_RELIABLE);
				if (this.stalledSince == 0) {
					this.stalledSince = System.nanoTime(); // the close itself must get through in time
				}
			}
		}
	}

}
