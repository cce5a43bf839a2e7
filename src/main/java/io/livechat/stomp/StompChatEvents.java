package io.livechat.stomp;

import io.livechat.chat.ChatEvent;
import io.livechat.chat.ChatEvents;
import io.livechat.chat.RoomsEvent;
import io.livechat.fanout.Fanout;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers chat events as STOMP frames: room events to {@code /topic/{room}}, the room list to
 * {@code /topic/rooms}, and a connection's own events to its {@code /user/queue/events}
 * subscription (by session id, so two tabs of one person are still two connections). Each event
 * is serialized once, whatever the number of recipients.
 */
class StompChatEvents implements ChatEvents {

	private final Fanout fanout;

	private final JsonMapper json;

	private final ChatMetrics metrics;

	StompChatEvents(Fanout fanout, JsonMapper json, ChatMetrics metrics) {
		this.fanout = fanout;
		this.json = json;
		this.metrics = metrics;
	}

	@Override
	public void toRoom(String roomId, ChatEvent event) {
		long start = System.nanoTime();
		int recipients = this.fanout.toSubscribers(Destinations.room(roomId), this.json.writeValueAsString(event));
		this.metrics.broadcast(System.nanoTime() - start, recipients);
	}

	@Override
	public void toConnection(String connectionId, ChatEvent event) {
		if (this.fanout.toConnection(connectionId, Destinations.USER_EVENTS, this.json.writeValueAsString(event))) {
			this.metrics.delivered(1);
		}
	}

	@Override
	public void toLobby(RoomsEvent event) {
		this.metrics.delivered(this.fanout.toSubscribers(Destinations.ROOMS, this.json.writeValueAsString(event)));
	}

}
