package io.livechat.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest messages each room has published to this node's subscribers, as they pass on to
 * {@code events}: with them a join's history, read from the store without the room's lock,
 * gains what was published while it was read, so every message a client missed before its
 * {@code joined} reply is in the reply. Messages pass here under their room's lock (the
 * registry's, the cluster's sequencer's), which also guards each room's record.
 */
public final class PublishedMessages implements ChatEvents {

	private final ChatEvents events;

	private final Map<String, RecentMessages> rooms = new ConcurrentHashMap<>();

	public PublishedMessages(ChatEvents events) {
		this.events = events;
	}

	@Override
	public void toRoom(String roomId, ChatEvent event) {
		if (event instanceof ChatMessage message) {
			RecentMessages published = this.rooms.computeIfAbsent(roomId, (id) -> new RecentMessages());
			if (message.id() > published.lastId()) {
				published.add(message);
			}
		}
		this.events.toRoom(roomId, event);
	}

	@Override
	public void toConnection(String connectionId, ChatEvent event) {
		this.events.toConnection(connectionId, event);
	}

	@Override
	public void toLobby(RoomsEvent event) {
		this.events.toLobby(event);
	}

	/** The newest message id the room has published here (0: none since this node started). Takes no lock. */
	public long lastId(String roomId) {
		RecentMessages published = this.rooms.get(roomId);
		return (published != null) ? published.lastId() : 0;
	}

	/**
	 * Under the room's lock: {@code read}, a join's history read without the lock for a client
	 * that has seen up to {@code since}, with every message published since it was read, as the
	 * newest {@value MessageStore#HISTORY_LIMIT}; or null when more were published meanwhile
	 * than this record keeps (read again).
	 */
	History completed(String roomId, History read, long since) {
		RecentMessages published = this.rooms.get(roomId);
		if (published == null) {
			return read;
		}
		List<ChatMessage> messages = read.messages();
		long newestRead = messages.isEmpty() ? published.normalize(since) : messages.get(messages.size() - 1).id();
		if (newestRead >= published.lastId()) {
			return read; // nothing new (or the read has messages not published here yet: sent again later)
		}
		History missed = published.after(newestRead, MessageStore.HISTORY_LIMIT);
		if (missed.truncated() && !messages.isEmpty()) {
			return null; // some between the read and this record are in neither
		}
		List<ChatMessage> all = new ArrayList<>(messages.size() + missed.messages().size());
		all.addAll(messages);
		all.addAll(missed.messages());
		int from = Math.max(0, all.size() - MessageStore.HISTORY_LIMIT);
		return new History(List.copyOf(all.subList(from, all.size())),
				read.truncated() || missed.truncated() || from > 0);
	}

}
