package io.livechat.stomp;

/** {@code /app/read}: the connection's person has seen {@code room} up to message {@code id}. */
record ReadCommand(String room, Long id) {

	ReadCommand {
		Commands.require(room, "room");
		Commands.require(id, "id");
	}

}
