package io.livechat.broker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * Every open connection's {@link Outbox}, and the subscriptions they hold. Its
 * {@link #decorate decorator} gives every WebSocket (or SockJS) session an outbox as it opens,
 * which Spring's STOMP handler then writes through too, and ends it (dropping its subscriptions)
 * as it closes.
 */
public final class Connections {

	private final Map<String, Outbox> outboxes = new ConcurrentHashMap<>();

	private final Subscriptions subscriptions = new Subscriptions();

	private final Drainer writers;

	private final Executor blockingWriters;

	private final int queueLimitBytes;

	private final Runnable onSlowConsumer;

	/**
	 * @param writers the threads that hand frames to the sockets
	 * @param blockingWriters the threads that write to sessions that can only be written with a
	 * blocking send (SockJS)
	 * @param queueLimitBytes bytes queued for one connection before it is closed as too slow
	 * @param onSlowConsumer told of every connection closed because it did not read
	 */
	public Connections(Drainer writers, Executor blockingWriters, int queueLimitBytes, Runnable onSlowConsumer) {
		this.writers = writers;
		this.blockingWriters = blockingWriters;
		this.queueLimitBytes = queueLimitBytes;
		this.onSlowConsumer = onSlowConsumer;
	}

	public WebSocketHandler decorate(WebSocketHandler handler) {
		return new WithOutbox(handler);
	}

	Outbox outbox(String sessionId) {
		return (sessionId != null) ? this.outboxes.get(sessionId) : null;
	}

	Subscriptions subscriptions() {
		return this.subscriptions;
	}

	/** Registers a subscription of an open connection; the STOMP layer has validated it. */
	void subscribe(String sessionId, String subscriptionId, String destination, String clientDestination) {
		Outbox outbox = outbox(sessionId);
		if (outbox == null) {
			return;
		}
		Subscription subscription = new Subscription(outbox, subscriptionId, destination, clientDestination);
		// under the outbox's lock, so a subscription racing the connection's end is not left behind
		synchronized (outbox) {
			if (outbox.addSubscription(subscription)) {
				this.subscriptions.add(subscription);
			}
		}
	}

	void unsubscribe(String sessionId, String subscriptionId) {
		Outbox outbox = outbox(sessionId);
		if (outbox != null) {
			Subscription removed = outbox.removeSubscription(subscriptionId);
			if (removed != null) {
				this.subscriptions.remove(removed);
			}
		}
	}

	/** Drops every subscription of a connection (a STOMP DISCONNECT, or its end). */
	void unsubscribeAll(String sessionId) {
		Outbox outbox = outbox(sessionId);
		if (outbox != null) {
			outbox.removeSubscriptions().forEach(this.subscriptions::remove);
		}
	}

	/**
	 * Which destination's restricted events (published with {@link ChatBroker#AUDIENCE_HEADER})
	 * the connection receives besides the open ones: the room it is in, say, for what only that
	 * room's members may see. Null: none. A connection already closed is ignored.
	 */
	public void setAudience(String sessionId, String destination) {
		Outbox outbox = outbox(sessionId);
		if (outbox != null) {
			outbox.setAudience(destination);
		}
	}

	/** How many connections are open. */
	public int size() {
		return this.outboxes.size();
	}

	/**
	 * Closes every connection that has had something waiting unwritten for longer than the
	 * limit: its client does not read. Run every second or so.
	 */
	public void closeStalled(long limitNanos) {
		long now = System.nanoTime();
		this.outboxes.values().forEach((outbox) -> outbox.closeIfStalled(now, limitNanos));
	}

	private final class WithOutbox extends WebSocketHandlerDecorator {

		WithOutbox(WebSocketHandler delegate) {
			super(delegate);
		}

		@Override
		public void afterConnectionEstablished(WebSocketSession session) throws Exception {
			FrameSink sink = JettyFrames.of(session);
			if (sink == null) {
				sink = new BlockingFrames(session, Connections.this.blockingWriters);
			}
			Outbox outbox = new Outbox(session, sink, Connections.this.writers, Connections.this.queueLimitBytes,
					Connections.this.onSlowConsumer);
			Connections.this.outboxes.put(session.getId(), outbox);
			super.afterConnectionEstablished(outbox);
		}

		@Override
		public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
			Outbox outbox = Connections.this.outboxes.remove(session.getId());
			if (outbox != null) {
				List<Subscription> ended;
				synchronized (outbox) {
					ended = outbox.end();
				}
				ended.forEach(Connections.this.subscriptions::remove);
			}
			super.afterConnectionClosed((outbox != null) ? outbox : session, closeStatus);
		}

	}

}
