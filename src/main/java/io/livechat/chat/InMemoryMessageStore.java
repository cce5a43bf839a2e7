package io.livechat.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the last {@value MessageStore#HISTORY_LIMIT} messages of each room in memory; they are
 * gone when the process ends ({@code livechat.store=memory}). So are the client ids of the
 * newest {@value #CLIENT_IDS_KEPT} messages sent with one, by which a resend is known.
 */
public class InMemoryMessageStore implements MessageStore {

	static final int CLIENT_IDS_KEPT = 10_000;

	private final Map<String, RecentMessages> rooms = new ConcurrentHashMap<>();

	/** Room, sender and client id to the message's id, the oldest first; guarded by itself. */
	private final Map<List<String>, Long> clientIds = new LinkedHashMap<>(16, 0.75f, false) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<List<String>, Long> eldest) {
			return size() > CLIENT_IDS_KEPT;
		}
	};

	@Override
	public void append(NewMessage message, Appended then) {
		ClientMessageId clientId = message.clientId();
		if (clientId == null) {
			MessageStore.super.append(message, then);
			return;
		}
		List<String> key = List.of(message.roomId(), clientId.sender(), clientId.value());
		ChatMessage stored;
		synchronized (this.clientIds) {
			Long known = this.clientIds.get(key);
			if (known != null) {
				then.alreadyStored(known);
				return;
			}
			stored = append(message.roomId(), message.username(), message.text(), message.image(), message.timestamp());
			this.clientIds.put(key, stored.id());
		}
		then.stored(stored);
	}

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
