package io.livechat.bench;

/**
 * LiveChat's STOMP contract (docs/protocol.md) as a load client speaks it: CONNECT, then on
 * CONNECTED the two SUBSCRIBEs and the join; events read from MESSAGE bodies.
 */
final class StompProtocol implements ChatProtocol {

	private static final String HEARTBEAT = "\n";

	private final LoadClient client;

	private final FrameParser parser = new FrameParser(this::frame);

	private final String connectFrame;

	StompProtocol(LoadClient client, String host, int heartbeatMillis) {
		this.client = client;
		this.connectFrame = StompFrame.connect(host, heartbeatMillis);
	}

	@Override
	public void opened() {
		this.client.send(this.connectFrame);
	}

	@Override
	public void received(CharSequence data, boolean last) {
		this.parser.accept(data);
	}

	@Override
	public CharSequence chat(String room, String text) {
		return StompFrame.send("/app/send", "{\"room\":\"" + room + "\",\"text\":\"" + text + "\"}");
	}

	@Override
	public CharSequence read(String room, long id) {
		return StompFrame.send("/app/read", "{\"room\":\"" + room + "\",\"id\":" + id + "}");
	}

	@Override
	public CharSequence heartbeat() {
		return HEARTBEAT;
	}

	private void frame(CharSequence text, int from, int to) {
		this.client.frameReceived();
		switch (StompFrame.command(text, from, to)) {
			case MESSAGE -> event(text, StompFrame.bodyStart(text, from, to), to);
			case CONNECTED -> join();
			case ERROR -> {
				String message = StompFrame.header(text, from, to, "message");
				this.client.refused("stomp-error:" + message, "STOMP ERROR frame: " + message);
			}
			default -> {
			}
		}
	}

	private void event(CharSequence text, int from, int to) {
		switch (EventBody.type(text, from, to)) {
			case MESSAGE -> this.client.chatMessage(text, from, to);
			case USERS -> this.client.userList(EventBody.countUsers(text, from, to, this.client.namePrefix()), true);
			case READS -> this.client.readsEvent();
			case JOINED -> {
				this.client.userList(EventBody.countUsers(text, from, to, this.client.namePrefix()), false);
				this.client.joinAccepted();
			}
			case ERROR -> {
				String code = EventBody.string(text, from, to, "code");
				this.client.refused("error:" + code, "join refused: " + code);
			}
			default -> {
			}
		}
	}

	private void join() {
		this.client.send(StompFrame.subscribe(0, "/user/queue/events"));
		this.client.send(StompFrame.subscribe(1, "/topic/" + this.client.room()));
		this.client.send(StompFrame.send("/app/join", "{\"username\":\"" + this.client.username() + "\",\"room\":\""
				+ this.client.room() + "\",\"clientId\":\"" + this.client.clientId() + "\"}"));
	}

}
