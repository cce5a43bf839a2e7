package io.livechat.stomp;

/** {@code /app/typing}: start or stop typing in {@code room}. */
record TypingCommand(String room, Boolean typing) {

	TypingCommand {
		Commands.require(room, "room");
		Commands.require(typing, "typing");
	}

}
