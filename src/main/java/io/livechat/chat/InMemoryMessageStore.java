package io.livechat.chat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the last {@value MessageStore#HISTORY_LIMIT} messages of each room in memory; they are
 * gone when the process ends ({@code livechat.store=memory}).
 */
public class InMemoryMessageStore implements MessageStore {

	private final Map<String, RoomLog> logs = new ConcurrentHashMap<>();

	@Override
	public ChatMessage append(String roomId, String username, String text, long timestamp) {
		return log(roomId).append(roomId, username, text, timestamp);
	}

	@Override
	public History after(String roomId, long afterId, int limit) {
		return log(roomId).after(afterId, limit);
	}

	@Override
	public History before(String roomId, long beforeId, int limit) {
		return log(roomId).before(beforeId, limit);
	}

	private RoomLog log(String roomId) {
		return this.logs.computeIfAbsent(roomId, (id) -> new RoomLog());
	}

	private static final class RoomLog {

		private final Deque<ChatMessage> kept = new ArrayDeque<>(HISTORY_LIMIT);

		private long lastId;

		synchronized ChatMessage append(String roomId, String username, String text, long timestamp) {
			ChatMessage message = new ChatMessage(++this.lastId, roomId, username, text, timestamp);
			if (this.kept.size() == HISTORY_LIMIT) {
				this.kept.removeFirst();
			}
			this.kept.addLast(message);
			return message;
		}

		synchronized History after(long afterId, int limit) {
			long from = (afterId > this.lastId) ? 0 : Math.max(afterId, 0);
			List<ChatMessage> window = new ArrayList<>();
			var newestFirst = this.kept.descendingIterator();
			while (newestFirst.hasNext() && window.size() < limit) {
				ChatMessage message = newestFirst.next();
				if (message.id() <= from) {
					break;
				}
				window.add(message);
			}
			Collections.reverse(window);
			boolean truncated = (this.lastId - from) > window.size();
			return new History(List.copyOf(window), truncated);
		}

		synchronized History before(long beforeId, int limit) {
			List<ChatMessage> window = new ArrayList<>();
			var newestFirst = this.kept.descendingIterator();
			while (newestFirst.hasNext() && window.size() < limit) {
				ChatMessage message = newestFirst.next();
				if (message.id() < beforeId) {
					window.add(message);
				}
			}
			Collections.reverse(window);
			long oldestShown = window.isEmpty() ? Math.min(beforeId, this.lastId + 1) : window.get(0).id();
			return new History(List.copyOf(window), oldestShown > 1);
		}

	}

}
