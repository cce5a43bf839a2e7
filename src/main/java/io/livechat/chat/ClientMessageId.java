package io.livechat.chat;

/**
 * The id a client gave a message it sends ({@code clientMsgId}), with whose it is: one person's
 * resend of a message carries the same id, and stores nothing new. Unique per sender within a
 * room or a conversation.
 *
 * @param sender the sender's public id
 * @param value what the client sent: 8 to 64 visible ASCII characters
 */
public record ClientMessageId(String sender, String value) {

	public static final int MIN_LENGTH = 8;

	public static final int MAX_LENGTH = 64;

	public ClientMessageId {
		if (!isWellFormed(value)) {
			throw new IllegalArgumentException("A client message id is 8 to 64 visible ASCII characters");
		}
	}

	/** Whether {@code value} may be a client message id: 8 to 64 characters from {@code !} to {@code ~}. */
	public static boolean isWellFormed(String value) {
		return value != null && value.length() >= MIN_LENGTH && value.length() <= MAX_LENGTH
				&& value.chars().allMatch((c) -> c >= 0x21 && c <= 0x7e);
	}

}
