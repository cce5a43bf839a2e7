package io.livechat.broker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.TaskScheduler;

/**
 * The message broker behind {@code SimpMessagingTemplate}, in place of Spring's simple broker. It
 * answers CONNECT, keeps the heart-beats, holds the subscriptions (a set per destination), and
 * delivers each event published to {@code /topic/**} or {@code /queue/**} as one STOMP frame
 * encoded once, in UTF-8, appended as it is to each subscriber's {@link Outbox}: no message, task
 * or encoding per recipient.
 * <p>
 * Ordering: {@code brokerChannel} has no executor, so a publisher's {@code convertAndSend} runs
 * this broker on its own thread and returns once every recipient's outbox holds the event. A room
 * publishes under its lock, so the order the lock gives is the order every recipient's outbox,
 * and so its socket, sees.
 */
public final class ChatBroker extends AbstractBrokerMessageHandler {

	/** A heart-beat to a client: an end of line. */
	private static final byte[] HEARTBEAT = { '\n' };

	/** Heart-beats missed before a silent client is taken as gone, as Spring's simple broker does. */
	private static final int HEARTBEAT_TOLERANCE = 3;

	private static final byte[] EMPTY = new byte[0];

	private static final String USER_PREFIX = "/user/";

	/**
	 * A header that restricts an event to the subscribers of its destination whose connection
	 * was let into that destination's audience ({@link Connections#setAudience}); its value is
	 * ignored.
	 */
	public static final String AUDIENCE_HEADER = "livechatAudience";

	private final Connections connections;

	private final long[] heartbeat;

	private final Supplier<TaskScheduler> scheduler;

	private final BroadcastObserver observer;

	private final AtomicLong messageIds = new AtomicLong();

	/** The STOMP sessions that completed CONNECT, with their heart-beat terms. */
	private final Map<String, Connected> connected = new ConcurrentHashMap<>();

	private volatile ScheduledFuture<?> heartbeats;

	/**
	 * @param heartbeat the server's heart-beat offer (milliseconds it sends at, and expects)
	 * @param scheduler runs the heart-beats
	 */
	public ChatBroker(SubscribableChannel clientInboundChannel, MessageChannel clientOutboundChannel,
			SubscribableChannel brokerChannel, Connections connections, long[] heartbeat,
			Supplier<TaskScheduler> scheduler, BroadcastObserver observer) {
		super(clientInboundChannel, clientOutboundChannel, brokerChannel, List.of("/topic/", "/queue/"));
		this.connections = connections;
		this.heartbeat = heartbeat.clone();
		this.scheduler = scheduler;
		this.observer = observer;
	}

	@Override
	protected void startInternal() {
		publishBrokerAvailableEvent();
		// twice per interval, so that no heart-beat goes out much later than its interval
		long every = LongStream.of(this.heartbeat).filter((millis) -> millis > 0).min().orElse(0) / 2;
		if (every > 0) {
			this.heartbeats = this.scheduler.get().scheduleWithFixedDelay(this::keepHeartbeats, Duration.ofMillis(every));
		}
	}

	@Override
	protected void stopInternal() {
		publishBrokerUnavailableEvent();
		ScheduledFuture<?> running = this.heartbeats;
		if (running != null) {
			running.cancel(false);
		}
	}

	@Override
	protected void handleMessageInternal(Message<?> message) {
		MessageHeaders headers = message.getHeaders();
		SimpMessageType type = SimpMessageHeaderAccessor.getMessageType(headers);
		String destination = SimpMessageHeaderAccessor.getDestination(headers);
		String sessionId = SimpMessageHeaderAccessor.getSessionId(headers);
		if (type == SimpMessageType.MESSAGE) {
			if (checkDestinationPrefix(destination)) {
				broadcast(destination, message); // an event, published to a topic or resolved to a connection's queue
				return;
			}
			if (destination != null && destination.startsWith(USER_PREFIX)) {
				return; // an event on its way to the user destination resolver
			}
			// otherwise a client's SEND to /app, for the controllers: it shows the client is there
		}
		Connected session = (sessionId != null) ? this.connected.get(sessionId) : null;
		if (session != null) {
			session.lastReadMillis = System.currentTimeMillis();
		}
		if (type == null || type == SimpMessageType.MESSAGE || !checkDestinationPrefix(destination)) {
			return;
		}
		switch (type) {
			case CONNECT -> connect(sessionId, message);
			case DISCONNECT -> disconnect(sessionId, message);
			case SUBSCRIBE -> {
				this.connections.subscribe(sessionId, SimpMessageHeaderAccessor.getSubscriptionId(headers), destination,
						clientDestination(message, destination));
				acknowledge(sessionId, message);
			}
			case UNSUBSCRIBE -> {
				this.connections.unsubscribe(sessionId, SimpMessageHeaderAccessor.getSubscriptionId(headers));
				acknowledge(sessionId, message);
			}
			default -> {
				// heart-beats: the read time is all they carry
			}
		}
	}

	private void broadcast(String destination, Message<?> message) {
		long start = System.nanoTime();
		byte[] body = (message.getPayload() instanceof byte[] bytes) ? bytes : EMPTY;
		Object contentType = message.getHeaders().get(MessageHeaders.CONTENT_TYPE);
		String messageId = Long.toString(this.messageIds.incrementAndGet(), 36);
		String type = (contentType != null) ? contentType.toString() : "application/json";
		EncodedFrame[] frame = new EncodedFrame[1];
		boolean restricted = message.getHeaders().containsKey(AUDIENCE_HEADER);
		int[] outside = new int[1];
		int subscribers = this.connections.subscriptions().forEach(destination, (subscription) -> {
			if (restricted && !subscription.outbox().hears(destination)) {
				outside[0]++;
				return;
			}
			if (frame[0] == null) {
				frame[0] = new EncodedFrame(subscription.clientDestination(), messageId, type, body);
			}
			subscription.outbox().offer(frame[0].forSubscription(subscription.id()));
		});
		this.observer.broadcast(destination, System.nanoTime() - start, subscribers - outside[0]);
	}

	/**
	 * The destination as the client subscribed to it: a user destination ({@code /user/queue/events})
	 * reaches the broker as the connection's own queue, with the original in a header.
	 */
	private static String clientDestination(Message<?> message, String destination) {
		String original = SimpMessageHeaderAccessor.getFirstNativeHeader(SimpMessageHeaderAccessor.ORIGINAL_DESTINATION,
				message.getHeaders());
		return (original != null) ? original : destination;
	}

	private void connect(String sessionId, Message<?> message) {
		if (sessionId == null || this.connected.containsKey(sessionId)) {
			return; // a second CONNECT is refused before it gets here
		}
		long[] offered = SimpMessageHeaderAccessor.getHeartbeat(message.getHeaders());
		this.connected.put(sessionId, new Connected(offered, this.heartbeat));
		SimpMessageHeaderAccessor ack = SimpMessageHeaderAccessor.create(SimpMessageType.CONNECT_ACK);
		ack.setSessionId(sessionId);
		ack.setHeader(SimpMessageHeaderAccessor.CONNECT_MESSAGE_HEADER, message);
		ack.setHeader(SimpMessageHeaderAccessor.HEART_BEAT_HEADER, this.heartbeat);
		getClientOutboundChannel().send(MessageBuilder.createMessage(EMPTY, ack.getMessageHeaders()));
	}

	/** A DISCONNECT from the client, or the end of its connection (Spring sends one then too). */
	private void disconnect(String sessionId, Message<?> message) {
		if (sessionId == null) {
			return;
		}
		this.connections.unsubscribeAll(sessionId);
		if (this.connected.remove(sessionId) != null) {
			sendDisconnectAck(sessionId, message);
		}
	}

	private void sendDisconnectAck(String sessionId, Message<?> disconnect) {
		SimpMessageHeaderAccessor ack = SimpMessageHeaderAccessor.create(SimpMessageType.DISCONNECT_ACK);
		ack.setSessionId(sessionId);
		if (disconnect != null) {
			ack.setHeader(SimpMessageHeaderAccessor.DISCONNECT_MESSAGE_HEADER, disconnect);
		}
		getClientOutboundChannel().send(MessageBuilder.createMessage(EMPTY, ack.getMessageHeaders()));
	}

	/** A RECEIPT, when the frame asked for one (STOMP 1.2), once it has taken effect. */
	private void acknowledge(String sessionId, Message<?> frame) {
		String receipt = SimpMessageHeaderAccessor.getFirstNativeHeader(StompHeaderAccessor.STOMP_RECEIPT_HEADER,
				frame.getHeaders());
		if (receipt == null) {
			return;
		}
		StompHeaderAccessor reply = StompHeaderAccessor.create(StompCommand.RECEIPT);
		reply.setReceiptId(receipt);
		reply.setSessionId(sessionId);
		getClientOutboundChannel().send(MessageBuilder.createMessage(EMPTY, reply.getMessageHeaders()));
	}

	/**
	 * Sends a heart-beat to every client that has been sent nothing for its interval, and closes
	 * (with an ERROR frame, as Spring does) every client silent for three of its intervals.
	 */
	private void keepHeartbeats() {
		long now = System.currentTimeMillis();
		long nowNanos = System.nanoTime();
		this.connected.forEach((sessionId, session) -> {
			if (session.readInterval > 0 && now - session.lastReadMillis > session.readInterval) {
				if (this.connected.remove(sessionId) != null) {
					this.connections.unsubscribeAll(sessionId);
					sendDisconnectAck(sessionId, null);
				}
				return;
			}
			Outbox outbox = this.connections.outbox(sessionId);
			if (session.writeInterval > 0 && outbox != null
					&& (nowNanos - outbox.lastOfferNanos()) / 1_000_000 > session.writeInterval) {
				outbox.offer(HEARTBEAT);
			}
		});
	}

	/** How many STOMP sessions are connected. */
	int connectedSessions() {
		return this.connected.size();
	}

	/** A connected STOMP session's heart-beat terms, as STOMP 1.2 negotiates them. */
	private static final class Connected {

		/** Milliseconds the client may stay silent (0: no check). */
		private final long readInterval;

		/** Milliseconds between heart-beats to the client when nothing else is sent (0: none). */
		private final long writeInterval;

		private volatile long lastReadMillis = System.currentTimeMillis();

		Connected(long[] client, long[] server) {
			long clientSends = (client != null) ? client[0] : 0;
			long clientWants = (client != null) ? client[1] : 0;
			this.readInterval = (clientSends > 0 && server[1] > 0)
					? Math.max(clientSends, server[1]) * HEARTBEAT_TOLERANCE : 0;
			this.writeInterval = (clientWants > 0 && server[0] > 0) ? Math.max(clientWants, server[0]) : 0;
		}

	}

}
