package io.livechat.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
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
 * One connection's outgoing frames: a bounded queue, drained by one writer at a time on the
 * writers' pool, several queued frames per WebSocket message (STOMP allows it). Whoever hands a
 * frame over never blocks and never writes: a broadcast to a room only queues. A connection whose
 * queue outgrows its limit is not reading; it is closed with 4500 (Spring's "session not
 * reliable") and its frames dropped.
 * <p>
 * Spring's own frames for the connection (CONNECTED, heart-beats, RECEIPT, ERROR) arrive through
 * {@link #sendMessage} and take the same queue, so they are written in order with the rest and
 * never concurrently; {@link #close} closes after what was queued before it.
 */
public final class Outbox extends WebSocketSessionDecorator {

	private static final Logger logger = LoggerFactory.getLogger(Outbox.class);

	/** Frames joined into one WebSocket message up to this many bytes. */
	static final int MAX_BATCH = 16 * 1024;

	private final Queue<byte[]> frames = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queuedBytes = new AtomicInteger();

	private final AtomicBoolean draining = new AtomicBoolean();

	private final Executor writers;

	private final int limit;

	private final Runnable onSlowConsumer;

	/** Subscription id per destination; guarded by {@code this}. */
	private final List<Subscription> subscriptions = new ArrayList<>(4);

	/** Held while writing to the session; only a drain writes, except the rare binary frame. */
	private final Object writing = new Object();

	private volatile CloseStatus closing;

	/** The connection has ended; guarded by {@code this}. */
	private boolean ended;

	/** Whether a drain has closed the session; touched by the drain only. */
	private boolean closeWritten;

	/** When a frame was last handed over (System.nanoTime), for heart-beats. */
	private volatile long lastOfferNanos = System.nanoTime();

	Outbox(WebSocketSession session, Executor writers, int limitBytes, Runnable onSlowConsumer) {
		super(session);
		this.writers = writers;
		this.limit = limitBytes;
		this.onSlowConsumer = onSlowConsumer;
	}

	/** Queues a frame (its UTF-8 bytes, shared with other recipients: never changed); never blocks. */
	void offer(byte[] frame) {
		if (this.closing != null) {
			return;
		}
		if (this.queuedBytes.addAndGet(frame.length) > this.limit) {
			overflow();
			return;
		}
		this.lastOfferNanos = System.nanoTime();
		this.frames.add(frame);
		scheduleDrain();
	}

	/** When the connection was last given something to send (System.nanoTime). */
	long lastOfferNanos() {
		return this.lastOfferNanos;
	}

	@Override
	public void sendMessage(WebSocketMessage<?> message) throws IOException {
		if (message instanceof TextMessage text) {
			offer(text.asBytes());
			return;
		}
		// not used by the chat (Spring sends binary frames only for binary bodies)
		synchronized (this.writing) {
			getDelegate().sendMessage(message);
		}
	}

	@Override
	public void close() throws IOException {
		close(CloseStatus.NORMAL);
	}

	/** Closes once the frames queued before are written. */
	@Override
	public void close(CloseStatus status) {
		if (this.closing == null) {
			this.closing = status;
		}
		scheduleDrain();
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
			this.frames.clear();
			List<Subscription> ended = List.copyOf(this.subscriptions);
			this.subscriptions.clear();
			return ended;
		}
	}

	private void overflow() {
		this.frames.clear();
		if (this.closing == null) {
			this.closing = CloseStatus.SESSION_NOT_RELIABLE;
			logger.debug("Session {} does not read its frames; closing it", getId());
			this.onSlowConsumer.run();
			// now, from another thread: the draining one may be blocked on this very client
			try {
				this.writers.execute(() -> closeQuietly(CloseStatus.SESSION_NOT_RELIABLE));
			}
			catch (RejectedExecutionException ex) {
				logger.debug("Not closing session {}: shutting down", getId());
			}
		}
	}

	private void scheduleDrain() {
		if (this.draining.compareAndSet(false, true)) {
			try {
				this.writers.execute(this::drain);
			}
			catch (RejectedExecutionException ex) {
				// shutting down: write on this thread rather than lose the close frame
				drain();
			}
		}
	}

	private void drain() {
		try {
			do {
				writeQueued();
			}
			while (!releaseDrain());
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Writing to session {} failed: {}", getId(), ex.toString());
			this.frames.clear();
			if (this.closing == null && timedOut(ex)) {
				this.onSlowConsumer.run();
			}
			this.closing = CloseStatus.SESSION_NOT_RELIABLE;
			if (!this.closeWritten) {
				this.closeWritten = true;
				closeQuietly(CloseStatus.SESSION_NOT_RELIABLE);
			}
			this.draining.set(false);
		}
	}

	/** A write that took longer than the send time limit: the client does not read. */
	private static boolean timedOut(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

	private void writeQueued() throws IOException {
		byte[] batch;
		while (this.closing != CloseStatus.SESSION_NOT_RELIABLE && (batch = nextBatch()) != null) {
			synchronized (this.writing) {
				getDelegate().sendMessage(new TextMessage(batch));
			}
		}
		CloseStatus status = this.closing;
		if (status != null && !this.closeWritten) {
			this.closeWritten = true;
			this.frames.clear();
			closeQuietly(status);
		}
	}

	/** @return true if this writer is done; false if frames came meanwhile and it goes on */
	private boolean releaseDrain() {
		this.draining.set(false);
		boolean more = !this.closeWritten && (!this.frames.isEmpty() || this.closing != null);
		return !more || !this.draining.compareAndSet(false, true);
	}

	/** The queued frames, joined up to {@link #MAX_BATCH} bytes; one consumer at a time. */
	private byte[] nextBatch() {
		byte[] first = this.frames.poll();
		if (first == null) {
			return null;
		}
		byte[] next = this.frames.peek();
		if (next == null || first.length + next.length > MAX_BATCH) {
			this.queuedBytes.addAndGet(-first.length);
			return first;
		}
		ByteArrayOutputStream batch = new ByteArrayOutputStream(Math.min(MAX_BATCH, 4 * (first.length + next.length)));
		batch.writeBytes(first);
		while (next != null && batch.size() + next.length <= MAX_BATCH) {
			batch.writeBytes(this.frames.poll());
			next = this.frames.peek();
		}
		this.queuedBytes.addAndGet(-batch.size());
		return batch.toByteArray();
	}

	private void closeQuietly(CloseStatus status) {
		WebSocketSession session = getDelegate();
		if (!session.isOpen()) {
			return;
		}
		try {
			session.close(status);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Closing session {} failed: {}", getId(), ex.toString());
		}
	}

}
