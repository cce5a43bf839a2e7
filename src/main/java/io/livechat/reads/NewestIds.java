package io.livechat.reads;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.livechat.chat.ChatException;
import io.livechat.chat.ChatMessage;
import io.livechat.chat.MessageStore;
import io.livechat.chat.PublishedMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each room's newest message id, for unread counts: as the store had it when this node
 * started, then as the rooms publish to this node (every node's messages pass there). No I/O
 * after {@link #load}.
 */
public final class NewestIds {

	private static final Logger logger = LoggerFactory.getLogger(NewestIds.class);

	private final MessageStore store;

	private final PublishedMessages published;

	private final Map<String, Long> atStart = new ConcurrentHashMap<>();

	public NewestIds(MessageStore store, PublishedMessages published) {
		this.store = store;
		this.published = published;
	}

	/** Reads each room's newest id from the store (I/O: at start). */
	public void load(List<String> roomIds) {
		for (String roomId : roomIds) {
			try {
				List<ChatMessage> newest = this.store.after(roomId, 0, 1).messages();
				this.atStart.put(roomId, newest.isEmpty() ? 0L : newest.get(0).id());
			}
			catch (ChatException ex) {
				logger.warn("Could not read the newest message of #{}; its unread counts start from its next message: {}",
						roomId, ex.getMessage());
			}
		}
	}

	public long of(String roomId) {
		return Math.max(this.atStart.getOrDefault(roomId, 0L), this.published.lastId(roomId));
	}

}
