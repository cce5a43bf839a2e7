package io.livechat.chat;

/**
 * A client request that the chat refuses; it becomes an {@link ErrorEvent} for that connection
 * only, and the connection keeps working. Thrown often by hostile clients, so it carries no
 * stack trace.
 * <p>
 * A refusal of a message with a client message id names it ({@link #about}); whether a resend
 * may work follows from the code: a rate limit (after {@link #retryAfterMillis}) and an
 * unavailable store may pass later, nothing else will.
 */
public class ChatException extends RuntimeException {

	private final ErrorCode code;

	private final String clientMsgId;

	private final Long retryAfterMillis;

	public ChatException(ErrorCode code, String message) {
		this(code, message, null, null);
	}

	private ChatException(ErrorCode code, String message, String clientMsgId, Long retryAfterMillis) {
		super(message, null, false, false);
		this.code = code;
		this.clientMsgId = clientMsgId;
		this.retryAfterMillis = retryAfterMillis;
	}

	/** A rate limit's refusal, to be tried again in {@code millis}. */
	public static ChatException rateLimited(String message, long millis) {
		return new ChatException(ErrorCode.RATE_LIMITED, message, null, millis);
	}

	public ErrorCode code() {
		return this.code;
	}

	/** The same refusal, of the message the client named {@code clientMsgId} (null: none named). */
	public ChatException about(String clientMsgId) {
		return (clientMsgId == null || clientMsgId.equals(this.clientMsgId)) ? this
				: new ChatException(this.code, getMessage(), clientMsgId, this.retryAfterMillis);
	}

	/** Whether the same message may be stored if it is sent again later. */
	public boolean isRetryable() {
		return this.code == ErrorCode.RATE_LIMITED || this.code == ErrorCode.UNAVAILABLE;
	}

	public ErrorEvent toEvent() {
		if (this.clientMsgId == null) {
			return new ErrorEvent(this.code.code(), getMessage());
		}
		return new ErrorEvent(this.code.code(), getMessage(), this.clientMsgId, isRetryable(),
				isRetryable() ? this.retryAfterMillis : null);
	}

}
