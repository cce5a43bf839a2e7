package io.livechat.stomp;

/** {@code /app/dm-history}: a page of the conversation {@code with} someone, before or since an id. */
record DirectHistoryCommand(String with, Long before, Long since, Integer limit) {

	DirectHistoryCommand {
		Commands.require(with, "with");
	}

}
