package io.livechat.chat;

/**
 * Validates the text of a chat message: trimmed, 1-1000 code points. Nothing is truncated
 * silently: a longer text is refused.
 */
public final class MessageText {

	public static final int MAX_LENGTH = 1000;

	private MessageText() {
	}

	public static String parse(String raw) {
		String text = (raw != null) ? raw.strip() : "";
		if (text.isEmpty()) {
			throw new ChatException(ErrorCode.INVALID_MESSAGE, "A message cannot be empty.");
		}
		if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
			throw new ChatException(ErrorCode.MESSAGE_TOO_LONG,
					"A message is at most " + MAX_LENGTH + " characters long.");
		}
		return text;
	}

}
