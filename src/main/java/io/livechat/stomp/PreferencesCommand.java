package io.livechat.stomp;

/** {@code /app/preferences}: whether the connection's person shares read receipts (and sees others'). */
record PreferencesCommand(Boolean readReceipts) {

	PreferencesCommand {
		Commands.require(readReceipts, "readReceipts");
	}

}
