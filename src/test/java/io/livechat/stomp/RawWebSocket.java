package io.livechat.stomp;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A bare WebSocket client on a plain socket, for what a well-behaved client library will not
 * do: spoofed frames, oversized frames, or vanishing without a close frame.
 */
final class RawWebSocket implements Closeable {

	static final int CLOSED_WITHOUT_CODE = -1;

	private final Socket socket;

	private final DataInputStream in;

	private final OutputStream out;

	/** Bytes read but not yet returned as a frame. */
	private final ByteArrayOutputStream received = new ByteArrayOutputStream();

	/** The server's answer to the handshake: status line and headers. */
	private String handshakeResponse = "";

	private RawWebSocket(Socket socket) throws IOException {
		this.socket = socket;
		this.in = new DataInputStream(socket.getInputStream());
		this.out = socket.getOutputStream();
	}

	static RawWebSocket open(int port, String path) throws IOException {
		return open(port, path, "");
	}

	/**
	 * Opens a WebSocket with extra request header lines (each ending in CRLF), for example an
	 * {@code Origin}.
	 */
	static RawWebSocket open(int port, String path, String extraHeaders) throws IOException {
		return open(new Socket("127.0.0.1", port), port, path, extraHeaders);
	}

	/**
	 * A client that never reads: a tiny receive buffer, so the server's writes to it stall soon.
	 */
	static RawWebSocket connectStompNeverReading(int port) throws IOException {
		Socket socket = new Socket();
		socket.setReceiveBufferSize(1024);
		socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
		RawWebSocket ws = open(socket, port, "/ws", "");
		ws.sendFrame("CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:0,0\n\n");
		if (!ws.readFrame().startsWith("CONNECTED")) {
			throw new IOException("Expected CONNECTED");
		}
		return ws;
	}

	private static RawWebSocket open(Socket socket, int port, String path, String extraHeaders) throws IOException {
		socket.setSoTimeout((int) ChatClient.TIMEOUT.toMillis());
		RawWebSocket ws = new RawWebSocket(socket);
		byte[] nonce = new byte[16];
		ThreadLocalRandom.current().nextBytes(nonce);
		String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
				+ "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
				+ "\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: v12.stomp\r\n" + extraHeaders + "\r\n";
		ws.out.write(request.getBytes(StandardCharsets.US_ASCII));
		ws.out.flush();
		String status = ws.readHttpHeaders();
		if (!status.startsWith("HTTP/1.1 101")) {
			socket.close();
			throw new HandshakeRefusedException(status);
		}
		ws.handshakeResponse = status;
		return ws;
	}

	/** Opens a socket and completes the STOMP CONNECT. */
	static RawWebSocket connectStomp(int port) throws IOException {
		RawWebSocket ws = open(port, "/ws");
		ws.sendFrame("CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:0,0\n\n");
		String connected = ws.readFrame();
		if (!connected.startsWith("CONNECTED")) {
			throw new IOException("Expected CONNECTED, got " + connected);
		}
		return ws;
	}

	/** The server's answer to the handshake: its status line and headers. */
	String handshakeResponse() {
		return this.handshakeResponse;
	}

	/** Sends a STOMP frame: the text and its NUL terminator, in one WebSocket text message. */
	void sendFrame(String frame) throws IOException {
		sendText((frame + "\0").getBytes(StandardCharsets.UTF_8));
	}

	void sendText(byte[] payload) throws IOException {
		send(0x1, payload);
	}

	void sendBinary(byte[] payload) throws IOException {
		send(0x2, payload);
	}

	private void send(int opcode, byte[] payload) throws IOException {
		ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
		frame.write(0x80 | opcode);
		if (payload.length < 126) {
			frame.write(0x80 | payload.length);
		}
		else if (payload.length < 65536) {
			frame.write(0x80 | 126);
			frame.write(payload.length >>> 8);
			frame.write(payload.length);
		}
		else {
			frame.write(0x80 | 127);
			for (int shift = 56; shift >= 0; shift -= 8) {
				frame.write((int) ((long) payload.length >>> shift));
			}
		}
		byte[] mask = new byte[4];
		ThreadLocalRandom.current().nextBytes(mask);
		frame.write(mask, 0, 4);
		for (int i = 0; i < payload.length; i++) {
			frame.write(payload[i] ^ mask[i & 3]);
		}
		this.out.write(frame.toByteArray());
		this.out.flush();
	}

	/**
	 * The next STOMP frame (up to and with its NUL), skipping heart-beats (newlines between frames)
	 * and pings. One WebSocket message may carry several frames, or a frame may span messages.
	 */
	String readFrame() throws IOException {
		while (true) {
			byte[] bytes = this.received.toByteArray();
			int start = 0;
			while (start < bytes.length && (bytes[start] == '\n' || bytes[start] == '\r')) {
				start++;
			}
			int end = start;
			while (end < bytes.length && bytes[end] != 0) {
				end++;
			}
			if (end < bytes.length) {
				this.received.reset();
				this.received.write(bytes, end + 1, bytes.length - end - 1);
				return new String(bytes, start, end + 1 - start, StandardCharsets.UTF_8);
			}
			this.received.writeBytes(readPayloadOfData());
		}
	}

	/**
	 * The next WebSocket message as text, whatever it carries (a SockJS frame such as {@code o} or
	 * {@code a[...]}, or STOMP frames).
	 */
	String readMessage() throws IOException {
		return new String(readPayloadOfData(), StandardCharsets.UTF_8);
	}

	/** The payload of the next text, binary or continuation frame. */
	private byte[] readPayloadOfData() throws IOException {
		while (true) {
			int opcode = this.in.readUnsignedByte() & 0x0F;
			byte[] payload = readPayload();
			if (opcode == 0x8) {
				throw new ClosedException(closeCode(payload));
			}
			if (opcode <= 0x2) {
				return payload;
			}
		}
	}

	/** Hands every STOMP frame to {@code consumer} until the connection ends. */
	void readForever(java.util.function.Consumer<String> consumer) throws IOException {
		this.socket.setSoTimeout(0);
		while (true) {
			consumer.accept(readFrame());
		}
	}

	/**
	 * Reads until the server closes the connection and returns the close code it sent, or
	 * {@link #CLOSED_WITHOUT_CODE} if the socket ended without a close frame.
	 */
	int awaitClose(Duration timeout) throws IOException {
		this.socket.setSoTimeout((int) timeout.toMillis());
		try {
			while (true) {
				readFrame();
			}
		}
		catch (ClosedException ex) {
			return ex.code;
		}
		catch (EOFException ex) {
			return CLOSED_WITHOUT_CODE;
		}
		catch (SocketTimeoutException ex) {
			throw new IOException("The server did not close the connection within " + timeout, ex);
		}
	}

	/**
	 * Waits for the server to refuse this connection: an optional STOMP ERROR frame (Spring may
	 * close before it is flushed), then the close; MESSAGE frames still on their way before it
	 * are skipped. Returns the close code.
	 */
	int awaitRefusal() throws IOException {
		return awaitRefusal(ChatClient.TIMEOUT);
	}

	int awaitRefusal(Duration timeout) throws IOException {
		this.socket.setSoTimeout((int) timeout.toMillis());
		try {
			String first = readFrame();
			while (first.startsWith("MESSAGE\n")) {
				first = readFrame();
			}
			if (!first.startsWith("ERROR\n")) {
				throw new IOException("Expected an ERROR frame or a close, got " + first);
			}
			return awaitClose(timeout);
		}
		catch (ClosedException ex) {
			return ex.code;
		}
		catch (EOFException | java.net.SocketException ex) {
			return CLOSED_WITHOUT_CODE;
		}
	}

	/** The close code if the server closes within {@code timeout}, otherwise 0. */
	int closedWith(Duration timeout) throws IOException {
		this.socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
		try {
			readFrame();
			return 0;
		}
		catch (ClosedException ex) {
			return ex.code;
		}
		catch (SocketTimeoutException ex) {
			return 0;
		}
	}

	/** Vanishes: ends the TCP connection with no WebSocket close frame and no STOMP DISCONNECT. */
	void vanish() throws IOException {
		this.socket.close();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	private byte[] readPayload() throws IOException {
		int second = this.in.readUnsignedByte();
		long length = second & 0x7F;
		if (length == 126) {
			length = this.in.readUnsignedShort();
		}
		else if (length == 127) {
			length = this.in.readLong();
		}
		byte[] payload = new byte[(int) length];
		this.in.readFully(payload);
		return payload;
	}

	private String readHttpHeaders() throws IOException {
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			head.append((char) this.in.readUnsignedByte());
		}
		return head.toString();
	}

	private static int closeCode(byte[] payload) {
		return (payload.length >= 2) ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : CLOSED_WITHOUT_CODE;
	}

	static final class HandshakeRefusedException extends IOException {

		final String response;

		HandshakeRefusedException(String response) {
			super("Handshake refused: " + response.lines().findFirst().orElse(""));
			this.response = response;
		}

		int status() {
			return Integer.parseInt(this.response.substring(9, 12));
		}

	}

	static final class ClosedException extends IOException {

		final int code;

		ClosedException(int code) {
			super("closed by the server with code " + code);
			this.code = code;
		}

	}

}
