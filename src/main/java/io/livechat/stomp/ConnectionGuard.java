package io.livechat.stomp;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import io.livechat.config.LiveChatProperties.Limits;
import io.livechat.config.LiveChatProperties.Rate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * Defences below STOMP, for every WebSocket and SockJS connection: a cap on open connections,
 * on the whole and per address, a deadline to complete the STOMP CONNECT, a limit on how long a
 * connection may stay silent, and a cap on how fast it may send frames, counted one by one
 * however many arrive in one WebSocket message. Without them a client that opens sockets and
 * never speaks (or stops speaking after half a frame) would hold a slot for ever.
 */
class ConnectionGuard {

	/** 1013: the server is overloaded, try again later (RFC 6455 registry). */
	static final CloseStatus TRY_AGAIN_LATER = new CloseStatus(1013, "Too many connections");

	static final CloseStatus CONNECT_TIMEOUT = CloseStatus.POLICY_VIOLATION.withReason("No STOMP CONNECT in time");

	static final CloseStatus IDLE = CloseStatus.POLICY_VIOLATION.withReason("Idle for too long");

	static final CloseStatus TOO_MANY_FRAMES = CloseStatus.POLICY_VIOLATION.withReason("Too many frames");

	private static final Logger logger = LoggerFactory.getLogger(ConnectionGuard.class);

	private final int maxConnections;

	private final boolean exemptLoopback;

	private final long connectTimeoutNanos;

	private final long idleTimeoutNanos;

	private final Rate frameRate;

	private final LongSupplier nanoClock;

	private final ChatMetrics metrics;

	private final AtomicInteger open = new AtomicInteger();

	private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();

	/** Open connections per address (exempt addresses are not counted). */
	private final AddressSlots perAddress;

	ConnectionGuard(Limits limits, LongSupplier nanoClock, ChatMetrics metrics) {
		this.frameRate = limits.frames();
		this.maxConnections = limits.maxConnections();
		this.perAddress = new AddressSlots(limits.perAddress().maxConnections());
		this.exemptLoopback = limits.perAddress().exemptLoopback();
		this.connectTimeoutNanos = limits.connectTimeout().toNanos();
		this.idleTimeoutNanos = limits.idleTimeout().toNanos();
		this.nanoClock = nanoClock;
		this.metrics = metrics;
		metrics.gaugeOpenConnections(this.open);
	}

	WebSocketHandler decorate(WebSocketHandler handler) {
		return new Guarded(handler);
	}

	/** The connection completed its STOMP CONNECT. */
	void stompConnected(String sessionId) {
		Tracked connection = this.tracked.get(sessionId);
		if (connection != null) {
			connection.stompConnected = true;
		}
	}

	int openConnections() {
		return this.open.get();
	}

	/**
	 * The STOMP frames a WebSocket message (or a part of one) counts for: each frame ends with
	 * a NUL; a message without one (a heart-beat, a part of a large frame) counts once.
	 */
	static int frameCount(WebSocketMessage<?> message) {
		int frames = 0;
		if (message instanceof TextMessage text) {
			String payload = text.getPayload();
			for (int i = payload.indexOf('\0'); i >= 0; i = payload.indexOf('\0', i + 1)) {
				frames++;
			}
		}
		else if (message instanceof BinaryMessage binary) {
			ByteBuffer payload = binary.getPayload();
			for (int i = payload.position(); i < payload.limit(); i++) {
				if (payload.get(i) == 0) {
					frames++;
				}
			}
		}
		return Math.max(1, frames);
	}

	/** Closes connections past their CONNECT deadline or silent for too long; run every second. */
	void sweep() {
		long now = this.nanoClock.getAsLong();
		this.tracked.values().forEach((connection) -> {
			if (!connection.stompConnected && now - connection.openedAt > this.connectTimeoutNanos) {
				close(connection.session, CONNECT_TIMEOUT);
			}
			else if (now - connection.lastReceivedAt > this.idleTimeoutNanos) {
				close(connection.session, IDLE);
			}
		});
	}

	private static void close(WebSocketSession session, CloseStatus status) {
		logger.debug("Closing session {}: {}", session.getId(), status.getReason());
		try {
			session.close(status);
		}
		catch (Exception ex) {
			logger.debug("Could not close session {}", session.getId(), ex);
		}
	}

	private static final class Tracked {

		private final WebSocketSession session;

		private final long openedAt;

		private volatile long lastReceivedAt;

		private volatile boolean stompConnected;

		/** The frames this connection may still send now. */
		private final TokenBucket frames;

		/** The address slot it holds, or null when its address is exempt. */
		private final String addressKey;

		Tracked(WebSocketSession session, long now, Rate frameRate, String addressKey) {
			this.session = session;
			this.addressKey = addressKey;
			this.openedAt = now;
			this.lastReceivedAt = now;
			this.frames = new TokenBucket(frameRate, now);
		}

	}

	private final class Guarded extends WebSocketHandlerDecorator {

		Guarded(WebSocketHandler delegate) {
			super(delegate);
		}

		@Override
		public void afterConnectionEstablished(WebSocketSession session) throws Exception {
			if (ConnectionGuard.this.open.incrementAndGet() > ConnectionGuard.this.maxConnections) {
				ConnectionGuard.this.open.decrementAndGet();
				ConnectionGuard.this.metrics.rejected("too-many-connections");
				session.close(TRY_AGAIN_LATER);
				return;
			}
			ClientAddress address = ClientAddress.from(session.getAttributes());
			String addressKey = (address.loopback() && ConnectionGuard.this.exemptLoopback) ? null : address.key();
			if (addressKey != null && !ConnectionGuard.this.perAddress.take(addressKey)) {
				ConnectionGuard.this.open.decrementAndGet();
				ConnectionGuard.this.metrics.rejected("too-many-connections-from-address");
				logger.debug("Refusing a connection from {}: it has no connection slot left", addressKey);
				session.close(TRY_AGAIN_LATER);
				return;
			}
			ConnectionGuard.this.tracked.put(session.getId(), new Tracked(session,
					ConnectionGuard.this.nanoClock.getAsLong(), ConnectionGuard.this.frameRate, addressKey));
			super.afterConnectionEstablished(session);
		}

		@Override
		public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
			Tracked connection = ConnectionGuard.this.tracked.get(session.getId());
			if (connection != null) {
				long now = ConnectionGuard.this.nanoClock.getAsLong();
				connection.lastReceivedAt = now;
				// Frames of one connection are queued and handled in order; a client that sends
				// faster than any chat needs would grow that queue without bound.
				if (!connection.frames.tryTake(frameCount(message), now)) {
					ConnectionGuard.this.metrics.rejected("too-many-frames");
					close(session, TOO_MANY_FRAMES);
					return;
				}
			}
			super.handleMessage(session, message);
		}

		@Override
		public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
			Tracked connection = ConnectionGuard.this.tracked.remove(session.getId());
			if (connection == null) {
				return; // refused at the door: the handlers behind never saw it
			}
			ConnectionGuard.this.open.decrementAndGet();
			if (connection.addressKey != null) {
				ConnectionGuard.this.perAddress.release(connection.addressKey);
			}
			super.afterConnectionClosed(session, closeStatus);
		}

	}

}
