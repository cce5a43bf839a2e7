package io.livechat.stomp;

/**
 * {@code /app/dm}: send {@code text} to the person whose public id is {@code to}; with
 * {@code image} (the id of the sender's upload), a picture whose caption the text is, and may
 * then be empty or absent; with {@code clientMsgId}, the client's own id for the message, by
 * which a resend is known.
 */
record DirectMessageCommand(String to, String text, String image, String clientMsgId) {

	DirectMessageCommand {
		Commands.require(to, "to");
		if (image == null) {
			Commands.require(text, "text");
		}
		Commands.requireClientMsgId(clientMsgId);
	}

}
