package io.livechat.chat;

/**
 * Keeps each room's messages and hands out their ids. Implementations are thread-safe, and
 * throw a {@link ChatException} with {@link ErrorCode#UNAVAILABLE} when their storage cannot be
 * reached; a message that could not be stored gets no id.
 */
public interface MessageStore {

	/** The most messages a join's history holds. */
	int HISTORY_LIMIT = 50;

	/**
	 * Stores a message under the room's next id (the largest id so far + 1, starting at 1);
	 * {@code image} is the picture it carries, or null.
	 */
	ChatMessage append(String roomId, String username, String text, MessageImage image, long timestamp);

	/** Stores a message of text alone. */
	default ChatMessage append(String roomId, String username, String text, long timestamp) {
		return append(roomId, username, text, null, timestamp);
	}

	/**
	 * Stores a message, then reports to {@code then}: an implementation may do that later, from
	 * another thread (for instance after a commit shared with other messages), but always in id
	 * order within a room. A message whose client id its sender has stored in the room before is
	 * not stored again: {@code then} hears {@link Appended#alreadyStored} with the id it has. This
	 * default stores and reports at once, and keeps no client ids.
	 */
	default void append(NewMessage message, Appended then) {
		ChatMessage stored;
		try {
			stored = append(message.roomId(), message.username(), message.text(), message.image(), message.timestamp());
		}
		catch (ChatException ex) {
			then.failed(ex);
			return;
		}
		then.stored(stored);
	}

	/** Stores a message of text alone and reports to {@code then}. */
	default void append(String roomId, String username, String text, long timestamp, Appended then) {
		append(new NewMessage(roomId, username, text, null, timestamp, null), then);
	}

	/**
	 * The newest {@code limit} kept messages with an id greater than {@code afterId}, oldest
	 * first. An {@code afterId} beyond the newest id (a client that remembers more than this
	 * store does) is taken as 0.
	 */
	History after(String roomId, long afterId, int limit);

	/**
	 * An older page: the newest {@code limit} messages with an id below {@code beforeId}, oldest
	 * first; {@code truncated} says whether still older ones exist.
	 */
	History before(String roomId, long beforeId, int limit);

}
