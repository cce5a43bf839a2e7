package io.livechat.stomp;

import io.livechat.chat.ChatEvent;
import io.livechat.chat.ChatEvents;
import io.livechat.chat.RoomsEvent;

import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.SimpMessageType;

/**
 * Delivers chat events through the STOMP broker: room events to {@code /topic/{room}}, the room
 * list to {@code /topic/rooms}, and a connection's own events to its
 * {@code /user/queue/events} subscription (addressed by session id, so two tabs of one person
 * are still two connections).
 */
class StompChatEvents implements ChatEvents {

	private final SimpMessageSendingOperations messaging;

	private final ChatMetrics metrics;

	StompChatEvents(SimpMessageSendingOperations messaging, ChatMetrics metrics) {
		this.messaging = messaging;
		this.metrics = metrics;
	}

	@Override
	public void toRoom(String roomId, ChatEvent event) {
		this.metrics.timeBroadcast(() -> this.messaging.convertAndSend(Destinations.room(roomId), event));
	}

	@Override
	public void toConnection(String connectionId, ChatEvent event) {
		this.messaging.convertAndSendToUser(connectionId, Destinations.EVENTS, event, headersFor(connectionId));
	}

	@Override
	public void toLobby(RoomsEvent event) {
		this.messaging.convertAndSend(Destinations.ROOMS, event);
	}

	private static MessageHeaders headersFor(String sessionId) {
		SimpMessageHeaderAccessor accessor = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		accessor.setSessionId(sessionId);
		accessor.setLeaveMutable(true);
		return accessor.getMessageHeaders();
	}

}
