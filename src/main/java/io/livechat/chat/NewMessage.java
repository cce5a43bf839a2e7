package io.livechat.chat;

/**
 * A message on its way to the store: the room, the sender's name, the text (an image's caption,
 * perhaps empty), the picture or null, the server's time, and the client's id for it or null.
 */
public record NewMessage(String roomId, String username, String text, MessageImage image, long timestamp,
		ClientMessageId clientId) {

	/** The message as stored under {@code id}. */
	public ChatMessage stored(long id) {
		return new ChatMessage(id, this.roomId, this.username, this.text, this.timestamp, this.image);
	}

}
