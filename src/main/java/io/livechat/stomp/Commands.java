package io.livechat.stomp;

import io.livechat.chat.ChatException;
import io.livechat.chat.ErrorCode;

/** Checks shared by the inbound command records. */
final class Commands {

	private Commands() {
	}

	static void require(Object value, String field) {
		if (value == null) {
			throw badRequest("The field '" + field + "' is required.");
		}
	}

	static ChatException badRequest(String message) {
		return new ChatException(ErrorCode.BAD_REQUEST, message);
	}

}
