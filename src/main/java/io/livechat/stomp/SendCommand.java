package io.livechat.stomp;

/** {@code /app/send}: post {@code text} to {@code room}. */
record SendCommand(String room, String text) {

	SendCommand {
		Commands.require(room, "room");
		Commands.require(text, "text");
	}

}
