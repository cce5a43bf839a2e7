package io.livechat.chat;

/**
 * A client request that the chat refuses; it becomes an {@link ErrorEvent} for that connection
 * only, and the connection keeps working. Thrown often by hostile clients, so it carries no
 * stack trace.
 */
public class ChatException extends RuntimeException {

	private final ErrorCode code;

	public ChatException(ErrorCode code, String message) {
		super(message, null, false, false);
		this.code = code;
	}

	public ErrorCode code() {
		return this.code;
	}

	public ErrorEvent toEvent() {
		return new ErrorEvent(this.code.code(), getMessage());
	}

}
