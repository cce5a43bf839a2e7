package io.livechat.chat;

/**
 * Hands an uploaded image to the message that carries it: only its uploader may, and only once.
 * Claiming is I/O (the images are stored): never called with a lock held.
 */
public interface ImageClaims {

	/**
	 * Takes the image {@code imageId} of {@code owner} (a public id) for a message to
	 * {@code place}; from then on it is served to whoever may read that place. A message with a
	 * client id ({@code clientMsgId}, or null) may claim again what it claimed before: its resend.
	 * @throws ChatException {@code unknown-image} when there is no such image of theirs that is
	 * still unsent (or claimed by this very message); {@code unavailable} when the images cannot be
	 * reached
	 */
	MessageImage claim(String imageId, String owner, String place, String clientMsgId);

	/**
	 * Gives back an image claimed for a message that then was not sent (it may be sent again),
	 * unless a stored message carries it (an earlier sending of a resend).
	 */
	void release(String imageId, String owner);

	/** No uploads: every claim is refused. */
	ImageClaims NONE = new ImageClaims() {

		@Override
		public MessageImage claim(String imageId, String owner, String place, String clientMsgId) {
			throw new ChatException(ErrorCode.UNKNOWN_IMAGE, "Images cannot be sent here.");
		}

		@Override
		public void release(String imageId, String owner) {
		}

	};

	/** Where a room's images are: served to anyone. */
	static String room(String roomId) {
		return "room:" + roomId;
	}

	/** Where a conversation's images are: served to its two people only. */
	static String conversation(String conversationId) {
		return "dm:" + conversationId;
	}

}
