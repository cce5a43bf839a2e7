package io.livechat.stomp;

/** {@code /app/leave}: leave {@code room}. */
record LeaveCommand(String room) {

	LeaveCommand {
		Commands.require(room, "room");
	}

}
