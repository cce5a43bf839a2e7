package io.livechat.fanout;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * The broadcast path: delivers an event, serialized once, to every connection subscribed to its
 * destination, through each connection's {@link Outbox}. It replaces the broker's fan-out (a new
 * message, a task and a STOMP encoding per recipient) with one frame per event and one queue
 * append per recipient.
 * <p>
 * Its {@link #decorate decorator} gives every WebSocket (or SockJS) session an outbox, which
 * Spring's STOMP handler then writes through too; subscriptions are registered by the STOMP
 * layer ({@link #subscribe}, {@link #unsubscribe}).
 */
public final class Fanout {

	private final Map<String, Outbox> outboxes = new ConcurrentHashMap<>();

	private final Topics topics = new Topics();

	private final AtomicLong messageIds = new AtomicLong();

	private final Executor writers;

	private final int queueLimitChars;

	private final Runnable onSlowConsumer;

	/**
	 * @param writers the threads that write to sockets (a write blocks while a client does not read)
	 * @param queueLimitChars characters queued for one connection before it is closed as too slow
	 * @param onSlowConsumer told of every connection closed because it did not read
	 */
	public Fanout(Executor writers, int queueLimitChars, Runnable onSlowConsumer) {
		this.writers = writers;
		this.queueLimitChars = queueLimitChars;
		this.onSlowConsumer = onSlowConsumer;
	}

	public WebSocketHandler decorate(WebSocketHandler handler) {
		return new WithOutbox(handler);
	}

	/** Registers a subscription of a connection; the STOMP layer has validated it. */
	public void subscribe(String sessionId, String subscriptionId, String destination, boolean shared) {
		Outbox outbox = this.outboxes.get(sessionId);
		if (outbox == null) {
			return;
		}
		Subscription subscription = new Subscription(outbox, subscriptionId, destination);
		// under the outbox's lock, so a subscription racing the connection's end is not left behind
		synchronized (outbox) {
			if (outbox.addSubscription(subscription) && shared) {
				this.topics.add(subscription);
			}
		}
	}

	public void unsubscribe(String sessionId, String subscriptionId) {
		Outbox outbox = this.outboxes.get(sessionId);
		if (outbox != null) {
			Subscription removed = outbox.removeSubscription(subscriptionId);
			if (removed != null) {
				this.topics.remove(removed);
			}
		}
	}

	/**
	 * Queues the event for every subscriber of a shared destination. Events handed over one after
	 * another (as a room does under its lock) reach every subscriber in that order.
	 *
	 * @return the number of recipients
	 */
	public int toSubscribers(String destination, String json) {
		MessageFrame frame = new MessageFrame(destination, nextMessageId(), json);
		return this.topics.forEach(destination, subscription -> subscription.outbox()
			.offer(frame.forSubscription(subscription.id())));
	}

	/**
	 * Queues the event for one connection, if it subscribed to the destination.
	 *
	 * @return whether it was queued
	 */
	public boolean toConnection(String sessionId, String destination, String json) {
		Outbox outbox = this.outboxes.get(sessionId);
		String subscriptionId = (outbox != null) ? outbox.subscriptionId(destination) : null;
		if (subscriptionId == null) {
			return false;
		}
		outbox.offer(new MessageFrame(destination, nextMessageId(), json).forSubscription(subscriptionId));
		return true;
	}

	private String nextMessageId() {
		return Long.toString(this.messageIds.incrementAndGet(), 36);
	}

	private final class WithOutbox extends WebSocketHandlerDecorator {

		WithOutbox(WebSocketHandler delegate) {
			super(delegate);
		}

		@Override
		public void afterConnectionEstablished(WebSocketSession session) throws Exception {
			Outbox outbox = new Outbox(session, Fanout.this.writers, Fanout.this.queueLimitChars,
					Fanout.this.onSlowConsumer);
			Fanout.this.outboxes.put(session.getId(), outbox);
			super.afterConnectionEstablished(outbox);
		}

		@Override
		public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
			Outbox outbox = Fanout.this.outboxes.remove(session.getId());
			if (outbox != null) {
				List<Subscription> ended;
				synchronized (outbox) {
					ended = outbox.end();
				}
				ended.forEach(Fanout.this.topics::remove);
			}
			super.afterConnectionClosed((outbox != null) ? outbox : session, closeStatus);
		}

	}

}
