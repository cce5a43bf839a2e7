package io.livechat.stomp;

import io.livechat.chat.ChatException;
import io.livechat.chat.ClientMessageId;
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

	/** An optional {@code clientMsgId}: absent, or 8 to 64 visible ASCII characters. */
	static void requireClientMsgId(String clientMsgId) {
		if (clientMsgId != null && !ClientMessageId.isWellFormed(clientMsgId)) {
			throw badRequest("'clientMsgId' must be 8 to 64 visible ASCII characters.");
		}
	}

	static ChatException badRequest(String message) {
		return new ChatException(ErrorCode.BAD_REQUEST, message);
	}

}
