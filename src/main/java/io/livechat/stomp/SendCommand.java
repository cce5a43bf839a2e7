package io.livechat.stomp;

/**
 * {@code /app/send}: post {@code text} to {@code room}; with {@code image} (the id of the
 * sender's upload), a picture whose caption the text is, and may then be empty or absent; with
 * {@code clientMsgId}, the client's own id for the message, by which a resend is known.
 */
record SendCommand(String room, String text, String image, String clientMsgId) {

	SendCommand {
		Commands.require(room, "room");
		if (image == null) {
			Commands.require(text, "text");
		}
		Commands.requireClientMsgId(clientMsgId);
	}

}
