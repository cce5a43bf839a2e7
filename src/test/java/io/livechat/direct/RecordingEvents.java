package io.livechat.direct;

import java.util.ArrayList;
import java.util.List;

import io.livechat.chat.ChatEvent;
import io.livechat.chat.ChatEvents;
import io.livechat.chat.RoomsEvent;

/** Records what is sent to each connection, in order; direct messages never go to rooms or the lobby. */
final class RecordingEvents implements ChatEvents {

	private record Sent(String connection, ChatEvent event) {
	}

	private final List<Sent> sent = new ArrayList<>();

	@Override
	public void toRoom(String roomId, ChatEvent event) {
		throw new AssertionError("Sent to room " + roomId + ": " + event);
	}

	@Override
	public synchronized void toConnection(String connectionId, ChatEvent event) {
		this.sent.add(new Sent(connectionId, event));
	}

	@Override
	public void toLobby(RoomsEvent event) {
		throw new AssertionError("Sent to the lobby: " + event);
	}

	synchronized List<ChatEvent> to(String connection) {
		return this.sent.stream().filter((sent) -> sent.connection().equals(connection)).map(Sent::event).toList();
	}

	synchronized <T extends ChatEvent> List<T> to(String connection, Class<T> type) {
		return to(connection).stream().filter(type::isInstance).map(type::cast).toList();
	}

	synchronized void clear() {
		this.sent.clear();
	}

}
