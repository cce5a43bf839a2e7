package io.livechat.stomp;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A chat client for heavy load, on a plain socket, cheap enough that a hundred and more of them
 * and the server share a small machine: one thread reads every frame as it arrives and keeps
 * nothing of it but counts. Of the room's messages it keeps, per sender, the next number it
 * expects (so a missing, repeated or reordered message shows), and when its own messages came
 * back.
 * <p>
 * Every client has a number as a sender; the messages it says are marked {@code ~sender~seq~}
 * (seq 0, 1, 2, ...) and padded to {@link #TEXT_LENGTH} characters.
 */
final class CountingClient implements AutoCloseable {

	/** The longest text the server takes. */
	static final int TEXT_LENGTH = 1000;

	static final int OPEN = 0;

	static final int CLOSED_WITHOUT_CODE = -1;

	private static final byte[] MESSAGE = bytes("MESSAGE\n");

	private static final byte[] CONNECTED = bytes("CONNECTED\n");

	private static final byte[] ERROR = bytes("ERROR\n");

	private static final byte[] SUBSCRIPTION = bytes("\nsubscription:");

	private static final byte[] ROOM_SUBSCRIPTION = bytes("room\n");

	private static final byte[] EVENTS_SUBSCRIPTION = bytes("events\n");

	private static final byte[] END_OF_HEADERS = bytes("\n\n");

	private static final byte[] MARK = bytes("\"text\":\"~");

	private static final byte[] JOINED = bytes("{\"type\":\"joined\"");

	private static final byte[] ERROR_EVENT = bytes("{\"type\":\"error\"");

	private final int sender;

	private final String room;

	private final String padding;

	private final Socket socket;

	private final DataInputStream in;

	private final OutputStream out;

	/** Masking keys and the handshake's nonce, from the seed the test gave. */
	private final Random random;

	private final Thread reader;

	/** Per sender, the number after the highest received from it. */
	private final AtomicIntegerArray expected;

	/** Per sender, how many of its messages arrived. */
	private final AtomicIntegerArray received;

	/** Per sender, how many of its messages came other than as its next: after a gap, again, or late. */
	private final AtomicIntegerArray outOfOrder;

	private final AtomicLongArray ownSentAt;

	private final AtomicLongArray ownReturnedAt;

	private final AtomicInteger errors = new AtomicInteger();

	private final CountDownLatch connected = new CountDownLatch(1);

	private final CountDownLatch joined = new CountDownLatch(1);

	/** Messages written to the socket; written by one thread at a time (under {@link #out}). */
	private volatile int said;

	private volatile String firstError;

	private volatile String firstOutOfOrder;

	private volatile int closeCode = OPEN;

	private volatile long closedAtNanos;

	private volatile boolean closedByUs;

	private volatile String sendFailure;

	/** The reader thread's CPU time when it ended; -1 while it runs. */
	private volatile long readerCpuNanos = -1;

	private CountingClient(Socket socket, int sender, String room, int senders, int ownMessages, Random random)
			throws IOException {
		this.socket = socket;
		this.sender = sender;
		this.room = room;
		this.random = random;
		this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
		this.out = socket.getOutputStream();
		this.expected = new AtomicIntegerArray(senders);
		this.received = new AtomicIntegerArray(senders);
		this.outOfOrder = new AtomicIntegerArray(senders);
		this.ownSentAt = new AtomicLongArray(ownMessages);
		this.ownReturnedAt = new AtomicLongArray(ownMessages);
		this.padding = padding(random);
		this.reader = new Thread(this::read, "counting-client-" + sender);
		this.reader.setDaemon(true);
	}

	/**
	 * Connects, subscribes to its events and the room's topic, joins the room and waits for the
	 * reply.
	 *
	 * @param sender its number as a sender, below {@code senders}
	 * @param senders how many senders there are (the numbers it tracks)
	 * @param ownMessages how many messages it may say
	 * @param seed for its padding text, masking keys and handshake nonce
	 */
	static CountingClient join(int port, int sender, int senders, int ownMessages, String username, String room,
			long seed) throws IOException, InterruptedException {
		Socket socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.connect(new InetSocketAddress("127.0.0.1", port), (int) ChatClient.TIMEOUT.toMillis());
		CountingClient client = new CountingClient(socket, sender, room, senders, ownMessages, new Random(seed));
		try {
			client.handshake(port);
			client.reader.start();
			client.sendFrame("CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:0,0\n\n");
			client.await(client.connected, "CONNECTED");
			client.sendFrame("SUBSCRIBE\nid:events\ndestination:/user/queue/events\n\n");
			client.sendFrame("SUBSCRIBE\nid:room\ndestination:/topic/" + room + "\n\n");
			client.sendFrame("SEND\ndestination:/app/join\n\n{\"username\":\"" + username + "\",\"room\":\"" + room
					+ "\",\"clientId\":\"counting-client-" + sender + "\"}");
			client.await(client.joined, "the joined reply");
			return client;
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			client.close();
			throw ex;
		}
	}

	/**
	 * Says message {@code seq} in its room, unless the connection has ended.
	 *
	 * @return whether it was written to the socket
	 */
	boolean say(int seq) {
		if (!isOpen()) {
			return false;
		}
		String mark = "~" + this.sender + "~" + seq + "~";
		String text = mark + this.padding.substring(mark.length());
		try {
			synchronized (this.out) {
				this.ownSentAt.set(seq, System.nanoTime());
				sendFrame("SEND\ndestination:/app/send\n\n{\"room\":\"" + this.room + "\",\"text\":\"" + text + "\"}");
				this.said++;
			}
			return true;
		}
		catch (IOException ex) {
			if (this.sendFailure == null) {
				this.sendFailure = ex.toString();
			}
			return false;
		}
	}

	int sender() {
		return this.sender;
	}

	String room() {
		return this.room;
	}

	/** How many of its messages it wrote to the socket. */
	int said() {
		return this.said;
	}

	/** How many messages of {@code sender} arrived (each once, if none is out of order). */
	int receivedFrom(int sender) {
		return this.received.get(sender);
	}

	/** How many messages of {@code sender} came other than as its next: after a gap, again, or late. */
	int outOfOrderFrom(int sender) {
		return this.outOfOrder.get(sender);
	}

	/** The first message that came out of order, and after which; null if none did. */
	String firstOutOfOrder() {
		return this.firstOutOfOrder;
	}

	/** When message {@code seq} of its own was written, in nanoTime; 0 if never. */
	long sentAt(int seq) {
		return this.ownSentAt.get(seq);
	}

	/** When message {@code seq} of its own came back, in nanoTime; 0 if it has not. */
	long returnedAt(int seq) {
		return this.ownReturnedAt.get(seq);
	}

	/** Error events and STOMP ERROR frames received. */
	int errors() {
		return this.errors.get();
	}

	String firstError() {
		return this.firstError;
	}

	/**
	 * {@link #OPEN}, the code of the server's close frame, or {@link #CLOSED_WITHOUT_CODE} if the
	 * socket ended without one.
	 */
	int closeCode() {
		return this.closeCode;
	}

	long closedAtNanos() {
		return this.closedAtNanos;
	}

	/** The first write that failed, or null. */
	String sendFailure() {
		return this.sendFailure;
	}

	boolean isOpen() {
		return this.closeCode == OPEN && this.sendFailure == null;
	}

	/** The CPU time of the thread that reads its socket, so far or in all once it has ended. */
	long readerCpuNanos() {
		long ended = this.readerCpuNanos;
		if (ended >= 0) {
			return ended;
		}
		long running = ManagementFactory.getThreadMXBean().getThreadCpuTime(this.reader.getId());
		return (running >= 0) ? running : Math.max(0, this.readerCpuNanos);
	}

	@Override
	public void close() throws IOException {
		this.closedByUs = true;
		this.socket.close();
	}

	private void handshake(int port) throws IOException {
		this.socket.setSoTimeout((int) ChatClient.TIMEOUT.toMillis());
		byte[] nonce = new byte[16];
		this.random.nextBytes(nonce);
		String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
				+ "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
				+ "\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: v12.stomp\r\n\r\n";
		this.out.write(request.getBytes(StandardCharsets.US_ASCII));
		this.out.flush();
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n") && head.length() < 8192) {
			head.append((char) this.in.readUnsignedByte());
		}
		if (!head.toString().startsWith("HTTP/1.1 101")) {
			throw new IOException("Handshake refused: " + head.toString().lines().findFirst().orElse(""));
		}
		this.socket.setSoTimeout(0);
	}

	private void await(CountDownLatch latch, String what) throws IOException, InterruptedException {
		if (!latch.await(ChatClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IOException("No " + what + " within " + ChatClient.TIMEOUT + " (close code " + this.closeCode
					+ ", first error " + this.firstError + ")");
		}
	}

	/** Sends a STOMP frame and its NUL in one masked WebSocket text message. */
	private void sendFrame(String frame) throws IOException {
		byte[] payload = (frame + "\0").getBytes(StandardCharsets.UTF_8);
		int header = (payload.length < 126) ? 6 : 8;
		byte[] message = new byte[header + payload.length];
		message[0] = (byte) 0x81;
		if (payload.length < 126) {
			message[1] = (byte) (0x80 | payload.length);
		}
		else {
			message[1] = (byte) (0x80 | 126);
			message[2] = (byte) (payload.length >>> 8);
			message[3] = (byte) payload.length;
		}
		byte[] mask = new byte[4];
		synchronized (this.out) {
			this.random.nextBytes(mask);
			System.arraycopy(mask, 0, message, header - 4, 4);
			for (int i = 0; i < payload.length; i++) {
				message[header + i] = (byte) (payload[i] ^ mask[i & 3]);
			}
			this.out.write(message);
			this.out.flush();
		}
	}

	/** The reader thread: WebSocket messages into STOMP frames, until the connection ends. */
	private void read() {
		byte[] pending = new byte[64 * 1024];
		int length = 0;
		try {
			while (true) {
				int opcode = this.in.readUnsignedByte() & 0x0F;
				int size = payloadLength();
				if (opcode == 0x8) {
					byte[] close = new byte[size];
					this.in.readFully(close);
					ended((size >= 2) ? ((close[0] & 0xFF) << 8) | (close[1] & 0xFF) : CLOSED_WITHOUT_CODE);
					return;
				}
				if (opcode > 0x2) {
					this.in.skipNBytes(size); // ping or pong: the server sends none
					continue;
				}
				if (length + size > pending.length) {
					pending = Arrays.copyOf(pending, Math.max(2 * pending.length, length + size));
				}
				this.in.readFully(pending, length, size);
				length = frames(pending, length + size, System.nanoTime());
			}
		}
		catch (IOException | RuntimeException ex) {
			ended(CLOSED_WITHOUT_CODE); // the socket ended without a close frame, or we closed it
		}
		finally {
			this.readerCpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
		}
	}

	private int payloadLength() throws IOException {
		int length = this.in.readUnsignedByte() & 0x7F;
		if (length == 126) {
			return this.in.readUnsignedShort();
		}
		if (length == 127) {
			long longLength = this.in.readLong();
			if (longLength > Integer.MAX_VALUE - 16) {
				throw new IOException("A WebSocket message of " + longLength + " bytes");
			}
			return (int) longLength;
		}
		return length;
	}

	private void ended(int code) {
		if (this.closeCode == OPEN && !this.closedByUs) {
			this.closedAtNanos = System.nanoTime();
			this.closeCode = code;
		}
	}

	/**
	 * Hands every complete frame in {@code bytes[0, length)} on; moves the unfinished rest to
	 * the start and returns its length.
	 */
	private int frames(byte[] bytes, int length, long receivedAt) {
		int start = 0;
		while (true) {
			while (start < length && (bytes[start] == '\n' || bytes[start] == '\r')) {
				start++;
			}
			int nul = indexOf(bytes, start, length, (byte) 0);
			if (nul < 0) {
				break;
			}
			frame(bytes, start, nul, receivedAt);
			start = nul + 1;
		}
		System.arraycopy(bytes, start, bytes, 0, length - start);
		return length - start;
	}

	private void frame(byte[] bytes, int from, int to, long receivedAt) {
		if (startsWith(bytes, from, to, MESSAGE)) {
			int headersEnd = indexOf(bytes, from, to, END_OF_HEADERS);
			int subscription = (headersEnd < 0) ? -1 : indexOf(bytes, from, headersEnd, SUBSCRIPTION);
			if (subscription < 0) {
				return;
			}
			int id = subscription + SUBSCRIPTION.length;
			int body = headersEnd + END_OF_HEADERS.length;
			if (startsWith(bytes, id, headersEnd + 1, ROOM_SUBSCRIPTION)) {
				message(bytes, body, to, receivedAt);
			}
			else if (startsWith(bytes, id, headersEnd + 1, EVENTS_SUBSCRIPTION)) {
				event(bytes, body, to);
			}
		}
		else if (startsWith(bytes, from, to, CONNECTED)) {
			this.connected.countDown();
		}
		else if (startsWith(bytes, from, to, ERROR)) {
			error(bytes, from, to);
		}
	}

	private void message(byte[] bytes, int from, int to, long receivedAt) {
		int mark = indexOf(bytes, from, to, MARK);
		if (mark < 0) {
			return; // a system event: someone joined or left
		}
		int at = mark + MARK.length;
		int sender = 0;
		int digits = 0;
		for (; at < to && bytes[at] >= '0' && bytes[at] <= '9' && digits < 9; at++, digits++) {
			sender = sender * 10 + (bytes[at] - '0');
		}
		if (digits == 0 || at >= to || bytes[at++] != '~') {
			return;
		}
		int seq = 0;
		digits = 0;
		for (; at < to && bytes[at] >= '0' && bytes[at] <= '9' && digits < 9; at++, digits++) {
			seq = seq * 10 + (bytes[at] - '0');
		}
		if (digits == 0 || at >= to || bytes[at] != '~' || sender >= this.expected.length()) {
			return;
		}
		this.received.incrementAndGet(sender);
		int next = this.expected.get(sender);
		if (seq != next) {
			this.outOfOrder.incrementAndGet(sender);
			if (this.firstOutOfOrder == null) {
				this.firstOutOfOrder = "message " + seq + " of sender " + sender + " where " + next + " was next";
			}
		}
		if (seq >= next) {
			this.expected.set(sender, seq + 1);
		}
		if (sender == this.sender && seq < this.ownReturnedAt.length() && this.ownReturnedAt.get(seq) == 0) {
			this.ownReturnedAt.set(seq, receivedAt);
		}
	}

	private void event(byte[] bytes, int from, int to) {
		if (startsWith(bytes, from, to, JOINED)) {
			this.joined.countDown();
		}
		else if (startsWith(bytes, from, to, ERROR_EVENT)) {
			error(bytes, from, to);
		}
	}

	private void error(byte[] bytes, int from, int to) {
		if (this.errors.getAndIncrement() == 0) {
			this.firstError = new String(bytes, from, Math.min(to - from, 300), StandardCharsets.UTF_8);
		}
	}

	/** A text of {@link #TEXT_LENGTH} letters and spaces, the same for the same seed. */
	private static String padding(Random random) {
		StringBuilder text = new StringBuilder(TEXT_LENGTH);
		while (text.length() < TEXT_LENGTH) {
			int word = 2 + random.nextInt(9);
			for (int i = 0; i < word && text.length() < TEXT_LENGTH; i++) {
				text.append((char) ('a' + random.nextInt(26)));
			}
			if (text.length() < TEXT_LENGTH - 1) {
				text.append(' ');
			}
		}
		return text.toString();
	}

	private static boolean startsWith(byte[] bytes, int from, int to, byte[] prefix) {
		if (to - from < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[from + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static int indexOf(byte[] bytes, int from, int to, byte value) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == value) {
				return i;
			}
		}
		return -1;
	}

	private static int indexOf(byte[] bytes, int from, int to, byte[] sought) {
		for (int i = from; i <= to - sought.length; i++) {
			if (startsWith(bytes, i, to, sought)) {
				return i;
			}
		}
		return -1;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
