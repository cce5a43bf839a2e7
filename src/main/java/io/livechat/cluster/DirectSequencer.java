package io.livechat.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import io.livechat.direct.DirectMessage;
import io.livechat.direct.DirectMessageStore.Kept;

/**
 * Hands each conversation's direct messages to this node's connections in id order, exactly
 * once, whichever way they arrive (stored here, published by another node, read from the
 * database to fill a gap), as {@link MessageSequencer} does for rooms. A conversation's state is
 * made when one of its people arrives here (from the database's last id: what came before is
 * history, in their list), or else when a message of it is first seen here: the conversation began
 * after its people here arrived, so it is delivered from its first id. At most
 * {@value #MAX_CONVERSATIONS} are remembered, the least recently used forgotten (one forgotten
 * and seen again is delivered from its start again: its people here may get old messages twice,
 * which they keep by id).
 */
final class DirectSequencer {

	static final int MAX_CONVERSATIONS = 100_000;

	/** Messages a conversation may hold back while it waits for a missing one. */
	static final int MAX_WAITING = 1_000;

	private final BiConsumer<DirectMessage, Boolean> deliver;

	private final Map<String, Conversation> conversations = new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Conversation> eldest) {
			return size() > MAX_CONVERSATIONS;
		}
	};

	/** @param deliver hands a message (and whether it is hidden from its recipient) to this node's connections */
	DirectSequencer(BiConsumer<DirectMessage, Boolean> deliver) {
		this.deliver = deliver;
	}

	/**
	 * Delivers the message if it is the conversation's next (and what waited for it), holds it
	 * back if one before it is missing. Whether the conversation still misses one afterwards.
	 */
	boolean offer(Kept kept) {
		return conversation(kept.message().conversation(), 0).offer(kept);
	}

	void offerAll(List<Kept> messages) {
		messages.forEach(this::offer);
	}

	/** What came up to {@code lastId} is history: a conversation this node did not know yet starts after it. */
	void startAfter(String conversation, long lastId) {
		conversation(conversation, lastId);
	}

	/** The last id delivered here, or -1 for a conversation this node does not follow. */
	long delivered(String conversation) {
		Conversation state;
		synchronized (this.conversations) {
			state = this.conversations.get(conversation);
		}
		return (state != null) ? state.delivered() : -1;
	}

	/** Takes every id up to {@code id} as delivered (deleted ones), then delivers what waited. */
	void skipTo(String conversation, long id) {
		Conversation state;
		synchronized (this.conversations) {
			state = this.conversations.get(conversation);
		}
		if (state != null) {
			state.skipTo(id);
		}
	}

	private Conversation conversation(String id, long deliveredIfNew) {
		synchronized (this.conversations) {
			return this.conversations.computeIfAbsent(id, (key) -> new Conversation(Math.max(0, deliveredIfNew)));
		}
	}

	private final class Conversation {

		private long delivered;

		private final TreeMap<Long, Kept> waiting = new TreeMap<>();

		Conversation(long delivered) {
			this.delivered = delivered;
		}

		synchronized boolean offer(Kept kept) {
			long id = kept.message().id();
			if (id == this.delivered + 1) {
				deliver(kept);
				drain();
			}
			else if (id > this.delivered && this.waiting.size() < MAX_WAITING) {
				this.waiting.put(id, kept);
			}
			return !this.waiting.isEmpty();
		}

		synchronized void skipTo(long id) {
			if (id > this.delivered) {
				this.delivered = id;
				this.waiting.headMap(id, true).clear();
				drain();
			}
		}

		synchronized long delivered() {
			return this.delivered;
		}

		private void drain() {
			while (!this.waiting.isEmpty() && this.waiting.firstKey() <= this.delivered + 1) {
				Kept next = this.waiting.pollFirstEntry().getValue();
				if (next.message().id() == this.delivered + 1) {
					deliver(next);
				}
			}
		}

		private void deliver(Kept kept) {
			this.delivered = kept.message().id();
			DirectSequencer.this.deliver.accept(kept.message(), kept.hidden());
		}

	}

}
