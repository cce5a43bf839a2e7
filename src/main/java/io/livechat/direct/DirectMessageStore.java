package io.livechat.direct;

import java.util.List;

import io.livechat.chat.ChatException;
import io.livechat.chat.MessageImage;
import io.livechat.people.Person;

/**
 * Keeps direct messages, read positions and blocks. Implementations are thread-safe and throw a
 * {@link ChatException} ({@code unavailable}) when their storage cannot be reached.
 */
public interface DirectMessageStore {

	/**
	 * Stores a message under the conversation's next id and reports it to {@code then}, perhaps
	 * later and from another thread, but in id order within a conversation; moves the sender's
	 * read position to it. A {@code hidden} message (its recipient blocks the sender) is never
	 * shown to the recipient. {@code image} is the picture it carries, or null. A message with a
	 * {@code clientMsgId} (or null) that its sender stored in the conversation before is not stored
	 * again: {@code then} hears {@link Stored#alreadyStored} with the id it has.
	 */
	void append(Conversation conversation, Person from, Person to, String text, MessageImage image, long timestamp,
			boolean hidden, String clientMsgId, Stored then);

	/** Stores a message of text alone, as {@link #append(Conversation, Person, Person, String, MessageImage, long, boolean, String, Stored)}. */
	default void append(Conversation conversation, Person from, Person to, String text, long timestamp, boolean hidden,
			Stored then) {
		append(conversation, from, to, text, null, timestamp, hidden, null, then);
	}

	/** The person's conversations with anyone they do not block, the newest message first, at most {@code limit}. */
	List<Summary> conversationsOf(String person, int limit);

	/** One conversation as {@code person} sees it (blocked or not); null when it has no message. */
	Summary conversation(String person, Conversation conversation);

	/**
	 * Messages {@code viewer} may see, oldest first: the newest {@code limit} below
	 * {@code beforeId}, or the first {@code limit} above {@code sinceId}, or (both null) the newest.
	 */
	Page page(Conversation conversation, String viewer, Long beforeId, Long sinceId, int limit);

	/**
	 * Moves the person's read position forward to {@code id} (never back, never past the last
	 * id); whether it moved.
	 */
	boolean markRead(String person, Conversation conversation, long id);

	void block(String person, String other, boolean blocked);

	boolean blocks(String person, String other);

	/** Whether the conversation has any message. */
	boolean exists(Conversation conversation);

	/** Everyone the person has a conversation with. */
	List<String> peersOf(String person);

	/** Deletes messages older than {@code cutoffMillis}; how many. */
	int deleteOlderThan(long cutoffMillis);

	/** What {@link #append} reports. */
	interface Stored {

		void stored(DirectMessage message);

		/** A resend: its client id was stored before, as the message {@code id}; nothing new was stored. */
		default void alreadyStored(long id) {
		}

		void failed(ChatException reason);

	}

	/**
	 * A conversation as one of its people sees it, without the other's current name and presence.
	 * {@code peerLastReadId} is how far the other has read, whatever their settings.
	 */
	record Summary(Conversation conversation, String peer, long lastId, long lastReadId, long peerLastReadId,
			int unread, boolean blocked, DirectMessage last) {
	}

	record Page(List<DirectMessage> messages, boolean hasMore) {
	}

	/** A stored message, and whether it is hidden from its recipient. */
	record Kept(DirectMessage message, boolean hidden) {
	}

}
