package io.livechat.chat;

/**
 * The error codes of the wire contract (docs/protocol.md), sent in {@link ErrorEvent}s.
 */
public enum ErrorCode {

	INVALID_USERNAME("invalid-username"), UNKNOWN_ROOM("unknown-room"), USERNAME_TAKEN("username-taken"),
	NOT_JOINED("not-joined"), INVALID_MESSAGE("invalid-message"), MESSAGE_TOO_LONG("message-too-long"),
	RATE_LIMITED("rate-limited"), BAD_REQUEST("bad-request"), UNAVAILABLE("unavailable"),
	UNKNOWN_USER("unknown-user"), UNKNOWN_IMAGE("unknown-image");

	private final String code;

	ErrorCode(String code) {
		this.code = code;
	}

	/** The code as it appears on the wire. */
	public String code() {
		return this.code;
	}

}
