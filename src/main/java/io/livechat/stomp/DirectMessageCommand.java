package io.livechat.stomp;

/** {@code /app/dm}: send {@code text} to the person whose public id is {@code to}. */
record DirectMessageCommand(String to, String text) {

	DirectMessageCommand {
		Commands.require(to, "to");
		Commands.require(text, "text");
	}

}
