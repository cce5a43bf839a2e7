package io.livechat.chat;

/**
 * What happens once a message has been stored, or could not be.
 */
public interface Appended {

	/** The message is durable, with its id; called in id order within a room. */
	void stored(ChatMessage message);

	/** The message was not stored and got no id. */
	void failed(ChatException reason);

}
