package io.livechat.cluster;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.livechat.chat.ChatMessage;

/**
 * Hands each room's messages to this node's clients in id order, exactly once, whichever way they
 * arrive: stored here, published by another node, or read from the database to fill a gap.
 * A message whose predecessor has not arrived waits (at most {@value #MAX_WAITING} per room; more
 * are dropped here and read again from the database later); a message delivered before is
 * ignored. Each room's deliveries happen under the room's own lock, so they never overtake.
 */
final class MessageSequencer {

	/** Messages a room may hold back while it waits for a missing one. */
	static final int MAX_WAITING = 10_000;

	private final Map<String, Room> rooms = new ConcurrentHashMap<>();

	private final Consumer<ChatMessage> deliver;

	/**
	 * @param lastIds each room's last id when this node starts: what came before is history
	 * @param deliver sends a message to this node's subscribers of its room
	 */
	MessageSequencer(Map<String, Long> lastIds, Consumer<ChatMessage> deliver) {
		lastIds.forEach((room, lastId) -> this.rooms.put(room, new Room(lastId)));
		this.deliver = deliver;
	}

	/**
	 * Delivers the message if it is the room's next, and any that waited for it; holds it back if
	 * an earlier one is missing. Answers whether the room still misses a message afterwards.
	 */
	boolean offer(ChatMessage message) {
		return room(message.room()).offer(message);
	}

	/** Offers messages read from the database, oldest first. */
	void offerAll(List<ChatMessage> messages) {
		messages.forEach(this::offer);
	}

	/**
	 * Takes every id up to {@code id} as delivered (they no longer exist), then delivers what
	 * waited for them.
	 */
	void skipTo(String roomId, long id) {
		room(roomId).skipTo(id);
	}

	/** The room's last delivered id. */
	long delivered(String roomId) {
		return room(roomId).delivered();
	}

	private Room room(String roomId) {
		return this.rooms.computeIfAbsent(roomId, (id) -> new Room(0));
	}

	private final class Room {

		private long delivered;

		private final TreeMap<Long, ChatMessage> waiting = new TreeMap<>();

		Room(long delivered) {
			this.delivered = delivered;
		}

		synchronized boolean offer(ChatMessage message) {
			long id = message.id();
			if (id <= this.delivered) {
				return !this.waiting.isEmpty();
			}
			if (id == this.delivered + 1) {
				deliver(message);
				drainWaiting();
			}
			else if (this.waiting.size() < MAX_WAITING || id < this.waiting.lastKey()) {
				this.waiting.put(id, message);
				if (this.waiting.size() > MAX_WAITING) {
					this.waiting.pollLastEntry();
				}
			}
			return !this.waiting.isEmpty();
		}

		synchronized void skipTo(long id) {
			if (id > this.delivered) {
				this.delivered = id;
				this.waiting.headMap(id, true).clear();
				drainWaiting();
			}
		}

		synchronized long delivered() {
			return this.delivered;
		}

		private void drainWaiting() {
			while (!this.waiting.isEmpty() && this.waiting.firstKey() <= this.delivered + 1) {
				ChatMessage next = this.waiting.pollFirstEntry().getValue();
				if (next.id() == this.delivered + 1) {
					deliver(next);
				}
			}
		}

		private void deliver(ChatMessage message) {
			this.delivered = message.id();
			MessageSequencer.this.deliver.accept(message);
		}

	}

}
