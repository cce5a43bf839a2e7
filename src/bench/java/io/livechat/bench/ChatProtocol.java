package io.livechat.bench;

/**
 * How one load client talks to its server: what it sends first, how it reads what arrives, and
 * the frames of a chat message, a read and a heart-beat. It reports what it reads to its
 * {@link LoadClient}, which measures. An instance belongs to one client; its connection hands it
 * text one message at a time.
 */
interface ChatProtocol {

	/** The socket is open. */
	void opened();

	/** Text received: a whole WebSocket message or, when not {@code last}, a part of one. */
	void received(CharSequence data, boolean last);

	/** The frame that posts {@code text} (a mark: no escaping needed) to {@code room}. */
	CharSequence chat(String room, String text);

	/** The frame that reports having read {@code room} up to message {@code id}. */
	CharSequence read(String room, long id);

	/** The client's heart-beat, or null when the protocol has the server ping instead. */
	CharSequence heartbeat();

	static ChatProtocol of(Options.Protocol protocol, LoadClient client, String host, int heartbeatMillis) {
		return switch (protocol) {
			case STOMP -> new StompProtocol(client, host, heartbeatMillis);
			case SOCKETIO -> new SocketIoProtocol(client);
		};
	}

}
