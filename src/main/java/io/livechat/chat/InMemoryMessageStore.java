package io.livechat.chat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the last {@value MessageStore#HISTORY_LIMIT} messages of each room in memory; they are
 * gone when the process ends ({@code livechat.store=memory}).
 */
public class InMemoryMessageStore implements MessageStore {

	private final Map<String, RecentMessages> rooms = new ConcurrentHashMap<>();

	@Override
	public ChatMessage append(String roomId, String username, String text, MessageImage image, long timestamp) {
		RecentMessages recent = recent(roomId);
		synchronized (recent) {
			ChatMessage message = new ChatMessage(recent.lastId() + 1, roomId, username, text, timestamp, image);
			recent.add(message);
			return message;
		}
	}

	@Override
	public History after(String roomId, long afterId, int limit) {
		RecentMessages recent = recent(roomId);
		synchronized (recent) {
			return recent.after(afterId, limit);
		}
	}

	@Override
	public History before(String roomId, long beforeId, int limit) {
		RecentMessages recent = recent(roomId);
		synchronized (recent) {
			return recent.before(beforeId, limit);
		}
	}

	private RecentMessages recent(String roomId) {
		return this.rooms.computeIfAbsent(roomId, (id) -> new RecentMessages());
	}

}
