package io.livechat.bench;

/**
 * The Socket.io reference chat (src/bench/socketio) as a load client speaks it: Engine.IO's
 * open packet answered with {@code 40} (connect the main namespace), the namespace's
 * {@code 40{...}} with the {@code join}; {@code message-history} is the join's reply,
 * {@code room-users} the user lists, {@code new-message} the chat; pings answered with pongs.
 */
final class SocketIoProtocol implements ChatProtocol {

	private final LoadClient client;

	/** A message delivered in parts, until its last part (rare: long histories). */
	private final StringBuilder unfinished = new StringBuilder();

	SocketIoProtocol(LoadClient client) {
		this.client = client;
	}

	@Override
	public void opened() {
		// the server speaks first: Engine.IO's open packet
	}

	@Override
	public void received(CharSequence data, boolean last) {
		if (!last) {
			this.unfinished.append(data);
			return;
		}
		if (this.unfinished.isEmpty()) {
			packet(data, 0, data.length());
			return;
		}
		this.unfinished.append(data);
		packet(this.unfinished, 0, this.unfinished.length());
		this.unfinished.setLength(0);
	}

	@Override
	public CharSequence chat(String room, String text) {
		return SocketIoPacket.sendMessage(text);
	}

	/** The reference chat has no read positions; {@code --reads} is refused with it. */
	@Override
	public CharSequence read(String room, long id) {
		throw new UnsupportedOperationException("the Socket.io reference chat has no read positions");
	}

	@Override
	public CharSequence heartbeat() {
		return null;
	}

	private void packet(CharSequence text, int from, int to) {
		this.client.frameReceived();
		switch (SocketIoPacket.kind(text, from, to)) {
			case EVENT -> event(text, from, to);
			case PING -> this.client.send(SocketIoPacket.PONG);
			case OPEN -> {
				this.client.pingInterval(SocketIoPacket.pingIntervalMillis(text, from, to));
				this.client.send(SocketIoPacket.CONNECT);
			}
			case CONNECTED -> this.client.send(SocketIoPacket.join(this.client.username(), this.client.room()));
			case CONNECT_ERROR -> this.client.refused("socketio-connect-error",
					"Socket.io refused the namespace: " + excerpt(text, from, to));
			case DISCONNECTED -> this.client.refused("socketio-disconnected", "disconnected by the server");
			case CLOSE -> this.client.refused("engineio-close", "Engine.IO session closed by the server");
			default -> {
			}
		}
	}

	private void event(CharSequence text, int from, int to) {
		SocketIoPacket.Event event = SocketIoPacket.event(text, from, to);
		switch (event) {
			case NEW_MESSAGE -> {
				int argument = SocketIoPacket.argumentStart(text, from, to);
				if (argument >= 0) {
					this.client.chatMessage(text, argument, to);
				}
			}
			case ROOM_USERS -> {
				int argument = SocketIoPacket.argumentStart(text, from, to);
				boolean list = argument >= 0 && argument < to && text.charAt(argument) == '[';
				this.client.userList(list ? EventBody.countNames(text, argument + 1, to, this.client.namePrefix()) : -1,
						true);
			}
			case MESSAGE_HISTORY -> this.client.joinAccepted();
			case ERROR_MESSAGE -> {
				String message = excerpt(text, Math.max(from, SocketIoPacket.argumentStart(text, from, to)), to);
				this.client.refused("error-message:" + message, "join refused: " + message);
			}
			default -> {
			}
		}
	}

	/** The start of a rare packet, for a message; allocates. */
	private static String excerpt(CharSequence text, int from, int to) {
		return text.subSequence(from, Math.min(to, from + 100)).toString();
	}

}
