package io.livechat.chat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * A room's newest messages (up to {@value MessageStore#HISTORY_LIMIT}) and its last id: all the
 * in-memory store keeps, and what the JDBC store caches. Not thread-safe: callers hold its
 * monitor.
 */
public final class RecentMessages {

	private final Deque<ChatMessage> kept = new ArrayDeque<>(MessageStore.HISTORY_LIMIT);

	private volatile long lastId; // read without the lock by PublishedMessages#lastId

	public RecentMessages() {
	}

	/** Starts from what a store already holds: its last id and its newest messages, newest first. */
	public RecentMessages(long lastId, List<ChatMessage> newestFirst) {
		this.lastId = lastId;
		newestFirst.stream().limit(MessageStore.HISTORY_LIMIT).forEach(this.kept::addFirst);
	}

	public long lastId() {
		return this.lastId;
	}

	/** Keeps a message, which has the next id; the oldest kept one goes when full. */
	public void add(ChatMessage message) {
		if (this.kept.size() == MessageStore.HISTORY_LIMIT) {
			this.kept.removeFirst();
		}
		this.kept.addLast(message);
		this.lastId = message.id();
	}

	/** An {@code afterId} beyond the last id (a client that remembers more than the store) is 0. */
	public long normalize(long afterId) {
		return (afterId > this.lastId) ? 0 : Math.max(afterId, 0);
	}

	/** See {@link MessageStore#after}; only what is kept here. */
	public History after(long afterId, int limit) {
		long from = normalize(afterId);
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
		return new History(List.copyOf(window), (this.lastId - from) > window.size());
	}

	/** See {@link MessageStore#before}; only what is kept here. */
	public History before(long beforeId, int limit) {
		List<ChatMessage> window = new ArrayList<>();
		var newestFirst = this.kept.descendingIterator();
		while (newestFirst.hasNext() && window.size() < limit) {
			ChatMessage message = newestFirst.next();
			if (message.id() < beforeId) {
				window.add(message);
			}
		}
		Collections.reverse(window);
		// only kept messages can be shown: there is more when an older one is still kept
		boolean older = !window.isEmpty() && window.get(0).id() > this.kept.peekFirst().id();
		return new History(List.copyOf(window), older);
	}

	/** Forgets kept messages older than {@code cutoffMillis}. */
	public void dropOlderThan(long cutoffMillis) {
		while (!this.kept.isEmpty() && this.kept.peekFirst().timestamp() < cutoffMillis) {
			this.kept.removeFirst();
		}
	}

}
