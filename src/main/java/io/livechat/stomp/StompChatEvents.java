package io.livechat.stomp;

import io.livechat.chat.ChatEvent;
import io.livechat.chat.ChatEvents;
import io.livechat.broker.ChatBroker;
import io.livechat.chat.ReadsEvent;
import io.livechat.chat.RoomsEvent;

import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.SimpMessageType;

/**
 * Publishes chat events with Spring's messaging template: room events to {@code /topic/{room}},
 * the room list to {@code /topic/rooms}, and a connection's own events to its
 * {@code /user/queue/events} subscription, addressed by session id (so two tabs of one person are
 * still two connections). The broker behind the template encodes each event once, whatever the
 * number of recipients, and delivers it before {@code convertAndSend} returns, so events handed
 * over one after another (as a room does under its lock) reach every subscriber in that order.
 * A room's {@code reads} go only to the subscribers the broker lets into the room's audience
 * (its members who share their receipts).
 */
class StompChatEvents implements ChatEvents {

	private final SimpMessageSendingOperations messaging;

	StompChatEvents(SimpMessageSendingOperations messaging) {
		this.messaging = messaging;
	}

	@Override
	public void toRoom(String roomId, ChatEvent event) {
		if (event instanceof ReadsEvent) { // for the room's members who share their receipts only
			SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
			headers.setHeader(ChatBroker.AUDIENCE_HEADER, Boolean.TRUE);
			headers.setLeaveMutable(true);
			this.messaging.convertAndSend(Destinations.room(roomId), event, headers.getMessageHeaders());
			return;
		}
		this.messaging.convertAndSend(Destinations.room(roomId), event);
	}

	@Override
	public void toConnection(String connectionId, ChatEvent event) {
		// a user name equal to the session id names that one session (no login needed)
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setSessionId(connectionId);
		headers.setLeaveMutable(true);
		this.messaging.convertAndSendToUser(connectionId, Destinations.EVENTS, event, headers.getMessageHeaders());
	}

	@Override
	public void toLobby(RoomsEvent event) {
		this.messaging.convertAndSend(Destinations.ROOMS, event);
	}

}
