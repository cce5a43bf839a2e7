package io.livechat.chat;

/** Which room a connection is in, and as whom; guarded by its own monitor. */
final class Connection {

	/** Set by the disconnect; a join that arrives later must not admit a ghost. */
	boolean closed;

	String roomId;

	String nameKey;

	String clientId;

	boolean isMember(String roomId, Username name, String clientId) {
		return roomId.equals(this.roomId) && name.key().equals(this.nameKey) && clientId.equals(this.clientId);
	}

	void enter(String roomId, Username name, String clientId) {
		this.roomId = roomId;
		this.nameKey = name.key();
		this.clientId = clientId;
	}

	void exit() {
		this.roomId = null;
		this.nameKey = null;
		this.clientId = null;
	}

}
