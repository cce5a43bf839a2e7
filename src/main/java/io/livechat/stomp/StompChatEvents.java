package io.livechat.stomp;

import io.livechat.chat.ChatEvent;
import io.livechat.chat.ChatEvents;
import io.livechat.chat.LoneSurrogates;
import io.livechat.chat.RoomsEvent;
import io.livechat.fanout.Fanout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers chat events as STOMP frames: room events to {@code /topic/{room}}, the room list to
 * {@code /topic/rooms}, and a connection's own events to its {@code /user/queue/events}
 * subscription (by session id, so two tabs of one person are still two connections). Each event
 * is serialized once, whatever the number of recipients.
 * <p>
 * An event whose text cannot be sent as UTF-8 (an unpaired surrogate: the chat refuses such text,
 * and repairs stored rows, so this is the last line) is dropped and counted rather than handed to
 * the sockets, where it would close every recipient's connection.
 */
class StompChatEvents implements ChatEvents {

	private static final Logger logger = LoggerFactory.getLogger(StompChatEvents.class);

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
		String json = serialize(event);
		if (json == null) {
			return;
		}
		long start = System.nanoTime();
		int recipients = this.fanout.toSubscribers(Destinations.room(roomId), json);
		this.metrics.broadcast(System.nanoTime() - start, recipients);
	}

	@Override
	public void toConnection(String connectionId, ChatEvent event) {
		String json = serialize(event);
		if (json != null && this.fanout.toConnection(connectionId, Destinations.USER_EVENTS, json)) {
			this.metrics.delivered(1);
		}
	}

	@Override
	public void toLobby(RoomsEvent event) {
		String json = serialize(event);
		if (json != null) {
			this.metrics.delivered(this.fanout.toSubscribers(Destinations.ROOMS, json));
		}
	}

	/** The event as JSON, or null (dropped and counted) when it could not be encoded as UTF-8. */
	private String serialize(ChatEvent event) {
		String json = this.json.writeValueAsString(event);
		if (LoneSurrogates.indexIn(json) >= 0) {
			this.metrics.undeliverable();
			logger.warn("Dropped a {} event: its text holds an unpaired surrogate, which no socket can send",
					event.getClass().getSimpleName());
			return null;
		}
		return json;
	}

}
