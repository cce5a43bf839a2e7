package io.livechat.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * One simulated chat user on its own WebSocket: connects, subscribes to its events and its
 * room, joins, then reads everything the room sends. It reads only what a measurement needs:
 * its {@code joined} reply, the marks of chat messages (each checked against the sender's
 * sequence and, inside the measured window, timed), how many of the run's users the latest
 * user list names, and errors.
 */
final class LoadClient implements WebSocket.Listener {

	static final String SUBPROTOCOL = "v12.stomp";

	private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(15);

	private final Run run;

	private final int index;

	private final URI url;

	private final String room;

	private final int roomSize;

	private final String namePrefix;

	private final FrameParser parser = new FrameParser(this::frame);

	private final Outbox outbox = new Outbox(this::sendFailed);

	private final Mark mark;

	private final SequenceTracker sequences;

	private final CompletableFuture<LoadClient> joined = new CompletableFuture<>();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private volatile String connectFrame;

	private volatile WebSocket socket;

	private volatile boolean closing;

	private volatile boolean sendFailed;

	private volatile long startedMicros;

	private volatile long joinedMicros;

	private volatile int users = -1;

	private volatile long usersEvents;

	private volatile long wholeRoomSinceMicros;

	private long receivedMicros;

	/**
	 * @param url the node this client connects to
	 * @param roomSize how many of the run's clients share this client's room
	 * @param senders how many senders the run has (to track their sequences)
	 */
	LoadClient(Run run, int index, URI url, String room, int roomSize, int senders) {
		this.run = run;
		this.index = index;
		this.url = url;
		this.room = room;
		this.roomSize = roomSize;
		this.namePrefix = run.usernamePrefix();
		this.mark = new Mark(run.id());
		this.sequences = new SequenceTracker(senders);
	}

	/** Opens the WebSocket; CONNECT, SUBSCRIBEs and the join follow on their own. */
	void start(HttpClient http, int heartbeatMillis) {
		this.connectFrame = StompFrame.connect(this.url.getHost(), heartbeatMillis);
		this.startedMicros = MicroClock.now();
		http.newWebSocketBuilder()
			.subprotocols(SUBPROTOCOL)
			.connectTimeout(HANDSHAKE_TIMEOUT)
			.buildAsync(this.url, this)
			.whenComplete((ws, failure) -> {
				if (failure != null) {
					fail("connect: " + describe(failure));
					this.closed.complete(-1);
				}
			});
	}

	void sendChat(String text) {
		this.outbox.send(StompFrame.send("/app/send", "{\"room\":\"" + this.room + "\",\"text\":\"" + text + "\"}"));
	}

	void heartbeat() {
		if (isOpen()) {
			this.outbox.send("\n");
		}
	}

	/**
	 * Closes with 1000 (normal closure); the returned stage completes when the socket is closed,
	 * or at once if it is not open yet (it then closes as soon as it opens).
	 */
	CompletableFuture<Integer> close() {
		this.closing = true;
		WebSocket ws = this.socket;
		if (ws == null) {
			this.closed.complete(-1);
		}
		else if (!ws.isOutputClosed()) {
			ws.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally((failure) -> {
				ws.abort();
				this.closed.complete(-1);
				return ws;
			});
		}
		return this.closed;
	}

	void abort() {
		WebSocket ws = this.socket;
		if (ws != null) {
			ws.abort();
		}
		this.closed.complete(-1);
	}

	/** Ends the wait for the join, counting it as failed for {@code reason}. */
	void fail(String reason) {
		this.joined.completeExceptionally(new LoadException(reason));
	}

	CompletableFuture<LoadClient> joined() {
		return this.joined;
	}

	boolean hasJoined() {
		return this.joined.isDone() && !this.joined.isCompletedExceptionally();
	}

	/** Why the join failed, or null if it has not. */
	String failure() {
		if (!this.joined.isCompletedExceptionally()) {
			return null;
		}
		try {
			this.joined.get();
			return null;
		}
		catch (ExecutionException ex) {
			return ex.getCause().getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	boolean isOpen() {
		WebSocket ws = this.socket;
		return ws != null && !this.closed.isDone() && !ws.isOutputClosed();
	}

	URI url() {
		return this.url;
	}

	String room() {
		return this.room;
	}

	long startedMicros() {
		return this.startedMicros;
	}

	long joinedMicros() {
		return this.joinedMicros;
	}

	/** How many of this run's users the latest user list (a {@code joined} reply or a {@code users} event) names. */
	int users() {
		return this.users;
	}

	/** Whether the latest user list names every client of the run in this room. */
	boolean seesWholeRoom() {
		return this.users == this.roomSize;
	}

	/** Since when the latest user list names the whole room; 0 if it does not. */
	long wholeRoomSinceMicros() {
		return this.wholeRoomSinceMicros;
	}

	long usersEvents() {
		return this.usersEvents;
	}

	SequenceTracker sequences() {
		return this.sequences;
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		this.socket = webSocket;
		this.outbox.open(webSocket);
		if (this.closing) {
			close();
			return;
		}
		this.outbox.send(this.connectFrame);
		webSocket.request(1);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.receivedMicros = MicroClock.now();
		this.parser.accept(data);
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		if (!this.closing) {
			this.run.incidents().count("close:" + statusCode + (reason.isEmpty() ? "" : " " + reason));
		}
		fail("closed by the server: " + statusCode + (reason.isEmpty() ? "" : " " + reason));
		this.closed.complete(statusCode);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		if (!this.closing) {
			this.run.incidents().count("socket-error:" + describe(error));
		}
		fail("socket error: " + describe(error));
		this.closed.complete(-1);
	}

	private void frame(CharSequence text, int from, int to) {
		this.run.frameReceived();
		switch (StompFrame.command(text, from, to)) {
			case MESSAGE -> event(text, StompFrame.bodyStart(text, from, to), to);
			case CONNECTED -> join();
			case ERROR -> {
				String message = StompFrame.header(text, from, to, "message");
				this.run.incidents().count("stomp-error:" + message);
				fail("STOMP ERROR frame: " + message);
			}
			default -> {
			}
		}
	}

	private void event(CharSequence text, int from, int to) {
		switch (EventBody.type(text, from, to)) {
			case MESSAGE -> message(text, from, to);
			case USERS -> {
				this.usersEvents = this.usersEvents + 1;
				users(text, from, to);
			}
			case JOINED -> {
				users(text, from, to);
				this.joinedMicros = this.receivedMicros;
				this.joined.complete(this);
			}
			case ERROR -> {
				String code = EventBody.string(text, from, to, "code");
				this.run.incidents().count("error:" + code);
				fail("join refused: " + code);
			}
			default -> {
			}
		}
	}

	private void message(CharSequence text, int from, int to) {
		int start = EventBody.textStart(text, from, to);
		if (start < 0 || !this.mark.read(text, start, to)) {
			return;
		}
		SequenceTracker.Receipt receipt = this.sequences.accept(this.mark.sender, this.mark.seq);
		if (receipt == SequenceTracker.Receipt.IN_ORDER || receipt == SequenceTracker.Receipt.LATE) {
			MeasureWindow window = this.run.window();
			if (window.contains(this.mark.intendedMicros)) {
				window.latencies().record(this.receivedMicros - this.mark.intendedMicros);
			}
		}
	}

	private void users(CharSequence text, int from, int to) {
		int count = EventBody.countUsers(text, from, to, this.namePrefix);
		if (count < 0) {
			return;
		}
		this.users = count;
		if (count != this.roomSize) {
			this.wholeRoomSinceMicros = 0;
		}
		else if (this.wholeRoomSinceMicros == 0) {
			this.wholeRoomSinceMicros = this.receivedMicros;
		}
	}

	private void join() {
		this.outbox.send(StompFrame.subscribe(0, "/user/queue/events"));
		this.outbox.send(StompFrame.subscribe(1, "/topic/" + this.room));
		this.outbox.send(StompFrame.send("/app/join", "{\"username\":\"" + this.run.username(this.index)
				+ "\",\"room\":\"" + this.room + "\",\"clientId\":\"" + this.run.clientId(this.index) + "\"}"));
	}

	private void sendFailed(Throwable failure) {
		if (!this.sendFailed && !this.closing) {
			this.sendFailed = true;
			this.run.incidents().count("send-failed:" + describe(failure));
		}
	}

	static String describe(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		String message = cause.getMessage();
		return cause.getClass().getSimpleName() + ((message == null || message.isBlank()) ? "" : " " + message);
	}

}
