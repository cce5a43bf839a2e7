package io.livechat.bench;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The tool's own WebSocket client against a scripted server on a loopback socket: one
 * connection per test, every wait bounded.
 */
class RawWebSocketClientTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Pattern KEY = Pattern.compile("(?im)^Sec-WebSocket-Key: (\\S+)");

	private final RawWebSocketClient client = new RawWebSocketClient(PerMessageDeflate.CHROMIUM_OFFER);

	private final Heard heard = new Heard();

	private ServerSocket server;

	private final CompletableFuture<String> request = new CompletableFuture<>();

	@AfterEach
	void close() throws IOException {
		this.client.close();
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void handsOverTheFramesThatCameWithTheHandshakesAnswer() throws Exception {
		URI url = serve((in, out, key) -> {
			out.write(concat(switching(key, null), WebSocketFramesTest.serverFrame(0x81, "0{\"sid\":\"x\"}")));
			awaitEnd(in);
		});

		open(url);

		assertThat(this.heard.extensions.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEmpty();
		assertThat(this.heard.texts.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("0{\"sid\":\"x\"}");
		assertThat(this.request.get(WAIT.toSeconds(), TimeUnit.SECONDS))
			.contains("Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n");
	}

	@Test
	void inflatesWhatTheServerCompressesAndCompressesWhatItSends() throws Exception {
		CompletableFuture<String> receivedByServer = new CompletableFuture<>();
		URI url = serve((in, out, key) -> {
			out.write(switching(key, "permessage-deflate; client_max_window_bits=15"));
			Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
			out.write(WebSocketFramesTest.serverFrame(0xC1, compress(deflater, "MESSAGE\n\n{\"type\":\"users\"}")));
			out.write(WebSocketFramesTest.serverFrame(0xC1, compress(deflater, "MESSAGE\n\n{\"type\":\"users\"}")));
			ClientFrame frame = ClientFrame.read(in);
			receivedByServer.complete((frame.first == 0xC1) ? inflate(frame.payload) : "not compressed: " + frame.first);
			awaitEnd(in);
		});

		ClientSocket socket = open(url);

		assertThat(this.heard.extensions.poll(WAIT.toSeconds(), TimeUnit.SECONDS))
			.isEqualTo("permessage-deflate; client_max_window_bits=15");
		assertThat(this.heard.texts.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("MESSAGE\n\n{\"type\":\"users\"}");
		assertThat(this.heard.texts.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("MESSAGE\n\n{\"type\":\"users\"}");
		socket.send("42[\"send-message\",\"~LG|ab1|0|1|5\"]");
		assertThat(receivedByServer.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("42[\"send-message\",\"~LG|ab1|0|1|5\"]");
	}

	@Test
	void answersAPingWithAPongAndTheServersCloseWithAClose() throws Exception {
		CompletableFuture<String> answers = new CompletableFuture<>();
		URI url = serve((in, out, key) -> {
			out.write(switching(key, null));
			out.write(WebSocketFramesTest.serverFrame(0x89, "p"));
			ClientFrame pong = ClientFrame.read(in);
			out.write(WebSocketFramesTest.serverFrame(0x88, concat(new byte[] { 0x03, (byte) 0xE9 },
					"going".getBytes(StandardCharsets.UTF_8))));
			ClientFrame close = ClientFrame.read(in);
			answers.complete(Integer.toHexString(pong.first) + ":" + new String(pong.payload, StandardCharsets.UTF_8) + " "
					+ Integer.toHexString(close.first) + ":" + (((close.payload[0] & 0xFF) << 8) | (close.payload[1] & 0xFF)));
			awaitEnd(in);
		});

		ClientSocket socket = open(url);

		assertThat(answers.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("8a:p 88:1001");
		assertThat(this.heard.closes.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("1001 going");
		assertThat(socket.isOutputClosed()).isTrue();
	}

	@Test
	void sendsACloseOfItsOwnAndEndsWithTheServersAnswer() throws Exception {
		URI url = serve((in, out, key) -> {
			out.write(switching(key, null));
			ClientFrame close = ClientFrame.read(in);
			out.write(WebSocketFramesTest.serverFrame(0x88, Arrays.copyOf(close.payload, 2)));
			awaitEnd(in);
		});
		ClientSocket socket = open(url);

		socket.sendClose().get(WAIT.toSeconds(), TimeUnit.SECONDS);

		assertThat(socket.isOutputClosed()).isTrue();
		assertThat(this.heard.closes.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("1000 ");
	}

	@Test
	void failsTheHandshakeWhenTheServerRefusesTheUpgrade() throws Exception {
		URI url = serve((in, out, key) -> {
			out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			awaitEnd(in);
		});

		CompletableFuture<?> opened = this.client.connect(url, null, WAIT, this.heard);

		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> opened.get(WAIT.toSeconds(), TimeUnit.SECONDS))
			.withCauseInstanceOf(ProtocolException.class)
			.withMessageContaining("the server answered HTTP/1.1 403 Forbidden");
		assertThat(this.heard.extensions).isEmpty();
	}

	@Test
	void failsTheHandshakeWhenTheServerDoesNotAnswerInTime() throws Exception {
		URI url = serve((in, out, key) -> awaitEnd(in));

		long start = System.nanoTime();
		CompletableFuture<?> opened = this.client.connect(url, null, Duration.ofMillis(300), this.heard);

		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> opened.get(WAIT.toSeconds(), TimeUnit.SECONDS))
			.withCauseInstanceOf(HttpTimeoutException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void failsAtOnceWhenNothingListens() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}

		CompletableFuture<?> opened = this.client.connect(URI.create("ws://127.0.0.1:" + closedPort + "/ws"), null, WAIT,
				this.heard);

		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> opened.get(WAIT.toSeconds(), TimeUnit.SECONDS))
			.withCauseInstanceOf(ConnectException.class);
	}

	@Test
	void speaksPlainWebSocketOnly() {
		assertThat(this.client.connect(URI.create("wss://127.0.0.1:1/ws"), null, WAIT, this.heard))
			.isCompletedExceptionally();
	}

	private ClientSocket open(URI url) throws Exception {
		return (ClientSocket) this.client.connect(url, null, WAIT, this.heard).get(WAIT.toSeconds(), TimeUnit.SECONDS);
	}

	/** Serves one connection on a loopback port: reads the request, then runs the script. */
	private URI serve(Script script) throws IOException {
		this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		ServerSocket listening = this.server;
		Thread thread = new Thread(() -> {
			try (Socket socket = listening.accept()) {
				socket.setSoTimeout((int) WAIT.toMillis());
				InputStream in = socket.getInputStream();
				String head = readHead(in);
				this.request.complete(head);
				Matcher key = KEY.matcher(head);
				script.run(in, socket.getOutputStream(), key.find() ? key.group(1) : "");
			}
			catch (IOException | DataFormatException ex) {
				this.request.completeExceptionally(ex);
			}
		}, "scripted-server");
		thread.setDaemon(true);
		thread.start();
		return URI.create("ws://127.0.0.1:" + this.server.getLocalPort() + "/ws");
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		for (int i = 0; i < 16_384; i++) {
			int b = in.read();
			if (b < 0) {
				break;
			}
			head.write(b);
			byte[] bytes = head.toByteArray();
			if (bytes.length >= 4 && new String(bytes, bytes.length - 4, 4, StandardCharsets.US_ASCII).equals("\r\n\r\n")) {
				break;
			}
		}
		return head.toString(StandardCharsets.US_ASCII);
	}

	/** Reads until the client closes, or the socket's time-out. */
	private static void awaitEnd(InputStream in) {
		try {
			in.readAllBytes();
		}
		catch (IOException ex) {
			// closed or timed out: either way the end
		}
	}

	private static byte[] switching(String key, String extensions) {
		return ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
				+ WebSocketHandshake.accept(key) + "\r\n"
				+ ((extensions != null) ? "Sec-WebSocket-Extensions: " + extensions + "\r\n" : "") + "\r\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] compress(Deflater deflater, String text) {
		deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
		byte[] out = new byte[text.length() + 256];
		int length = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
		return Arrays.copyOf(out, length - 4);
	}

	private static String inflate(byte[] compressed) throws DataFormatException {
		Inflater inflater = new Inflater(true);
		inflater.setInput(concat(compressed, new byte[] { 0, 0, (byte) 0xFF, (byte) 0xFF }));
		byte[] out = new byte[4096];
		try {
			return new String(out, 0, inflater.inflate(out), StandardCharsets.UTF_8);
		}
		catch (java.util.zip.DataFormatException ex) {
			throw new DataFormatException(ex.getMessage());
		}
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	/** What the scripted server does once it has read the handshake request. */
	@FunctionalInterface
	private interface Script {

		void run(InputStream in, OutputStream out, String key) throws IOException, DataFormatException;

	}

	/** A payload that did not inflate, on the server's side. */
	private static final class DataFormatException extends Exception {

		DataFormatException(String message) {
			super(message);
		}

	}

	/** One frame from the client, unmasked. */
	private record ClientFrame(int first, byte[] payload) {

		static ClientFrame read(InputStream stream) throws IOException {
			DataInputStream in = new DataInputStream(stream);
			int first = in.readUnsignedByte();
			int second = in.readUnsignedByte();
			if ((second & 0x80) == 0) {
				throw new IOException("an unmasked frame from the client");
			}
			long length = second & 0x7F;
			if (length == 126) {
				length = in.readUnsignedShort();
			}
			else if (length == 127) {
				length = in.readLong();
			}
			byte[] mask = in.readNBytes(4);
			byte[] payload = in.readNBytes((int) length);
			for (int i = 0; i < payload.length; i++) {
				payload[i] ^= mask[i & 3];
			}
			return new ClientFrame(first, payload);
		}

	}

	/** What the client's listener heard, in queues to wait on. */
	private static final class Heard implements SocketListener {

		final BlockingQueue<String> extensions = new LinkedBlockingQueue<>();

		final BlockingQueue<String> texts = new LinkedBlockingQueue<>();

		final BlockingQueue<String> closes = new LinkedBlockingQueue<>();

		@Override
		public void onOpen(ClientSocket socket, String extensions) {
			this.extensions.add(extensions);
		}

		@Override
		public void onText(CharSequence data, boolean last) {
			this.texts.add(data.toString());
		}

		@Override
		public void onClose(int statusCode, String reason) {
			this.closes.add(statusCode + " " + reason);
		}

		@Override
		public void onError(Throwable error) {
			this.closes.add("error " + error);
		}

		@Override
		public void onSendFailed(Throwable failure) {
			this.closes.add("send failed " + failure);
		}

	}

}
