package io.livechat.stomp;

/** {@code /app/block}: stop (or, with {@code blocked} false, resume) taking {@code user}'s direct messages. */
record BlockCommand(String user, Boolean blocked) {

	BlockCommand {
		Commands.require(user, "user");
		Commands.require(blocked, "blocked");
	}

}
