package io.livechat.stomp;

/**
 * {@code /app/join}: join {@code room} as {@code username}. {@code clientId} identifies the
 * browser (two tabs with one id are one user); {@code since}, optional, is the last message id
 * the client saw in that room.
 */
record JoinCommand(String username, String room, String clientId, Long since) {

	JoinCommand {
		Commands.require(username, "username");
		Commands.require(room, "room");
		Commands.require(clientId, "clientId");
		if (since != null && since < 0) {
			throw Commands.badRequest("since must be a message id (0 or more).");
		}
	}

}
