package io.livechat.chat;

/**
 * What happens once a message has been stored, or could not be.
 */
public interface Appended {

	/** The message is durable, with its id; called in id order within a room. */
	void stored(ChatMessage message);

	/**
	 * The message's client id was stored before (a resend): nothing new was stored; {@code id} is
	 * the message it was stored as.
	 */
	default void alreadyStored(long id) {
	}

	/** The message was not stored and got no id. */
	void failed(ChatException reason);

}
