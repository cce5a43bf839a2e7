package io.livechat.stomp;

/** {@code /app/dm-read}: the conversation {@code with} someone is read up to {@code id}. */
record DirectReadCommand(String with, Long id) {

	DirectReadCommand {
		Commands.require(with, "with");
		Commands.require(id, "id");
	}

}
