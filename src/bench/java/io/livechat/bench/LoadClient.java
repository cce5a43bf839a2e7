package io.livechat.bench;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * One simulated chat user on its own WebSocket: connects, joins its room through its
 * {@link ChatProtocol}, then reads everything the room sends. It keeps only what a measurement
 * needs: when its join was accepted, the marks of chat messages (each checked against the
 * sender's sequence and, inside the measured window, timed), how many of the run's users the
 * latest user list names, the reads it sent and the {@code reads} events it received inside
 * measured windows, and what went wrong. With a {@link ReadReporter.Timer} it reports what it
 * has read as the page does.
 */
final class LoadClient implements SocketListener {

	static final String SUBPROTOCOL = "v12.stomp";

	private static final String ID_KEY = "\"id\":";

	private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(15);

	private final Run run;

	private final int index;

	private final URI url;

	private final String room;

	private final int roomSize;

	private final String namePrefix;

	private final String subprotocol;

	private final ChatProtocol protocol;

	private final Mark mark;

	private final SequenceTracker sequences;

	private final ReadReporter reads;

	private final CompletableFuture<LoadClient> joined = new CompletableFuture<>();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private volatile ClientSocket socket;

	private volatile boolean closing;

	private volatile boolean sendFailed;

	private volatile long startedMicros;

	private volatile long joinedMicros;

	private volatile int users = -1;

	private volatile long usersEvents;

	private volatile long wholeRoomSinceMicros;

	private volatile long readsSentMeasured;

	private volatile long readsEventsMeasured;

	private long receivedMicros;

	/**
	 * @param url the node this client connects to
	 * @param roomSize how many of the run's clients share this client's room
	 * @param senders how many senders the run has (to track their sequences)
	 * @param heartbeatMillis the heart-beat a STOMP client offers and sends
	 * @param readTimer when set, the client reports its read position (paced on this timer); null:
	 * it never does
	 */
	LoadClient(Run run, Options.Protocol protocol, int index, URI url, String room, int roomSize, int senders,
			int heartbeatMillis, ReadReporter.Timer readTimer) {
		this.run = run;
		this.subprotocol = protocol.subprotocol();
		this.index = index;
		this.url = url;
		this.room = room;
		this.roomSize = roomSize;
		this.namePrefix = run.usernamePrefix();
		this.mark = new Mark(run.id());
		this.sequences = new SequenceTracker(senders);
		this.protocol = ChatProtocol.of(protocol, this, url.getHost(), heartbeatMillis);
		this.reads = (readTimer != null) ? new ReadReporter(MicroClock::now, readTimer, this::sendRead) : null;
	}

	/** Opens the WebSocket; the protocol's handshake and the join follow on their own. */
	void start(SocketConnector connector) {
		this.startedMicros = MicroClock.now();
		connector.connect(this.url, this.subprotocol, HANDSHAKE_TIMEOUT, this)
			.whenComplete((ws, failure) -> {
				if (failure != null) {
					fail("connect: " + describe(failure));
					this.closed.complete(-1);
				}
			});
	}

	void sendChat(String text) {
		send(this.protocol.chat(this.room, text));
	}

	void heartbeat() {
		CharSequence heartbeat = this.protocol.heartbeat();
		if (heartbeat != null && isOpen()) {
			send(heartbeat);
		}
	}

	/**
	 * Closes with 1000 (normal closure); the returned stage completes when the socket is closed,
	 * or at once if it is not open yet (it then closes as soon as it opens).
	 */
	CompletableFuture<Integer> close() {
		this.closing = true;
		ClientSocket ws = this.socket;
		if (ws == null) {
			this.closed.complete(-1);
		}
		else if (!ws.isOutputClosed()) {
			ws.sendClose().exceptionally((failure) -> {
				ws.abort();
				this.closed.complete(-1);
				return null;
			});
		}
		return this.closed;
	}

	void abort() {
		ClientSocket ws = this.socket;
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
		ClientSocket ws = this.socket;
		return ws != null && !this.closed.isDone() && !ws.isOutputClosed();
	}

	URI url() {
		return this.url;
	}

	String room() {
		return this.room;
	}

	String username() {
		return this.run.username(this.index);
	}

	String clientId() {
		return this.run.clientId(this.index);
	}

	/** The start of every user name of this run, to tell them in user lists. */
	String namePrefix() {
		return this.namePrefix;
	}

	long startedMicros() {
		return this.startedMicros;
	}

	long joinedMicros() {
		return this.joinedMicros;
	}

	/** How many of this run's users the latest user list (a join's reply or a user list event) names. */
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

	/** Reads sent inside measured windows, every step's so far. */
	long readsSentMeasured() {
		return this.readsSentMeasured;
	}

	/** {@code reads} events received inside measured windows, every step's so far. */
	long readsEventsMeasured() {
		return this.readsEventsMeasured;
	}

	@Override
	public void onOpen(ClientSocket webSocket, String extensions) {
		this.socket = webSocket;
		this.run.negotiated(extensions);
		if (this.closing) {
			close();
			return;
		}
		this.protocol.opened();
	}

	@Override
	public void onText(CharSequence data, boolean last) {
		this.receivedMicros = MicroClock.now();
		this.protocol.received(data, last);
	}

	@Override
	public void onClose(int statusCode, String reason) {
		if (!this.closing) {
			this.run.incidents().count("close:" + statusCode + (reason.isEmpty() ? "" : " " + reason));
		}
		fail("closed by the server: " + statusCode + (reason.isEmpty() ? "" : " " + reason));
		this.closed.complete(statusCode);
	}

	@Override
	public void onError(Throwable error) {
		if (!this.closing) {
			this.run.incidents().count("socket-error:" + describe(error));
		}
		fail("socket error: " + describe(error));
		this.closed.complete(-1);
	}

	@Override
	public void onSendFailed(Throwable failure) {
		if (!this.sendFailed && !this.closing) {
			this.sendFailed = true;
			this.run.incidents().count("send-failed:" + describe(failure));
		}
	}

	// What the protocol reports

	void send(CharSequence frame) {
		this.socket.send(frame);
	}

	void frameReceived() {
		this.run.frameReceived();
	}

	/** The join's reply arrived. */
	void joinAccepted() {
		this.joinedMicros = this.receivedMicros;
		this.joined.complete(this);
	}

	/** The server refused something: counted as {@code incident}; before the join, it failed for {@code reason}. */
	void refused(String incident, String reason) {
		this.run.incidents().count(incident);
		fail(reason);
	}

	/** The server's ping interval, from Engine.IO's open packet. */
	void pingInterval(long millis) {
		this.run.pingInterval(millis);
	}

	/** A chat message whose JSON object ({@code id}, {@code text}, ...) lies in {@code text[from, to)}. */
	void chatMessage(CharSequence text, int from, int to) {
		if (this.reads != null) {
			long id = EventBody.number(text, from, to, ID_KEY);
			if (id > 0) {
				this.reads.seen(id);
			}
		}
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

	/** A {@code reads} event: other people's read positions moved. */
	void readsEvent() {
		if (this.run.window().contains(this.receivedMicros)) {
			this.readsEventsMeasured = this.readsEventsMeasured + 1;
		}
	}

	/**
	 * A user list naming {@code count} of the run's users (-1: none could be read); {@code event}
	 * when it came as an event of its own rather than in the join's reply.
	 */
	void userList(int count, boolean event) {
		if (event) {
			this.usersEvents = this.usersEvents + 1;
		}
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

	/** Called by the {@link ReadReporter}, one call at a time. */
	private void sendRead(long id) {
		if (!isOpen()) {
			return;
		}
		send(this.protocol.read(this.room, id));
		if (this.run.window().contains(MicroClock.now())) {
			this.readsSentMeasured = this.readsSentMeasured + 1;
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
