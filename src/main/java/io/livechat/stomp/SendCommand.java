package io.livechat.stomp;

/**
 * {@code /app/send}: post {@code text} to {@code room}; with {@code image} (the id of the
 * sender's upload), a picture whose caption the text is, and may then be empty or absent.
 */
record SendCommand(String room, String text, String image) {

	SendCommand {
		Commands.require(room, "room");
		if (image == null) {
			Commands.require(text, "text");
		}
	}

}
