package io.livechat.stomp;

import io.livechat.chat.RoomRegistry;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.web.socket.messaging.SessionConnectEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Registers a STOMP connection when it connects and turns its end, clean or abrupt (a closed
 * socket, missed heart-beats), into a leave. Spring may report a disconnect twice; both
 * receivers are idempotent.
 */
class ConnectionLifecycle {

	private final RoomRegistry rooms;

	private final ConnectionQuotas quotas;

	ConnectionLifecycle(RoomRegistry rooms, ConnectionQuotas quotas) {
		this.rooms = rooms;
		this.quotas = quotas;
	}

	@EventListener
	void connected(SessionConnectEvent event) {
		String sessionId = SimpMessageHeaderAccessor.getSessionId(event.getMessage().getHeaders());
		this.quotas.register(sessionId);
		this.rooms.connect(sessionId);
	}

	@EventListener
	void disconnected(SessionDisconnectEvent event) {
		this.rooms.disconnect(event.getSessionId());
		this.quotas.forget(event.getSessionId());
	}

}
