package io.livechat.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Records what the registry publishes, in order.
 */
class RecordingChatEvents implements ChatEvents {

	record Sent(String target, ChatEvent event) {
	}

	private final List<Sent> sent = new ArrayList<>();

	@Override
	public synchronized void toRoom(String roomId, ChatEvent event) {
		this.sent.add(new Sent("room:" + roomId, event));
	}

	@Override
	public synchronized void toConnection(String connectionId, ChatEvent event) {
		this.sent.add(new Sent("connection:" + connectionId, event));
	}

	@Override
	public synchronized void toLobby(RoomsEvent event) {
		this.sent.add(new Sent("lobby", event));
	}

	synchronized List<ChatEvent> toRoom(String roomId) {
		return of("room:" + roomId);
	}

	synchronized List<ChatEvent> toConnection(String connectionId) {
		return of("connection:" + connectionId);
	}

	synchronized List<ChatEvent> toLobby() {
		return of("lobby");
	}

	synchronized <T extends ChatEvent> List<T> toRoom(String roomId, Class<T> type) {
		return toRoom(roomId).stream().filter(type::isInstance).map(type::cast).toList();
	}

	synchronized void clear() {
		this.sent.clear();
	}

	private List<ChatEvent> of(String target) {
		return this.sent.stream().filter((s) -> s.target().equals(target)).map(Sent::event).toList();
	}

}
