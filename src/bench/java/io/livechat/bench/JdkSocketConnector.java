package io.livechat.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * WebSockets through the JDK's {@link HttpClient}: one client whose executor is two daemon
 * threads (the JDK adds its selector thread) for every connection of the run. It offers no
 * extension, and cannot be made to: it refuses a {@code Sec-WebSocket-Extensions} header.
 */
final class JdkSocketConnector implements SocketConnector {

	private static final int IO_THREADS = 2;

	private final ExecutorService io;

	private final HttpClient http;

	JdkSocketConnector() {
		this.io = Executors.newFixedThreadPool(IO_THREADS, ClientFleet.daemon("loadgen-io-"));
		this.http = HttpClient.newBuilder().executor(this.io).connectTimeout(Duration.ofSeconds(15)).build();
	}

	@Override
	public CompletableFuture<?> connect(URI url, String subprotocol, Duration timeout, SocketListener listener) {
		WebSocket.Builder builder = this.http.newWebSocketBuilder().connectTimeout(timeout);
		if (subprotocol != null) {
			builder.subprotocols(subprotocol);
		}
		return builder.buildAsync(url, new JdkSocket(listener));
	}

	@Override
	public void close() {
		this.io.shutdown();
	}

	/** One connection: the listener's view of the JDK's WebSocket, sends queued one at a time. */
	private static final class JdkSocket implements WebSocket.Listener, ClientSocket {

		private final SocketListener listener;

		private final Outbox outbox;

		private volatile WebSocket socket;

		JdkSocket(SocketListener listener) {
			this.listener = listener;
			this.outbox = new Outbox(listener::onSendFailed);
		}

		@Override
		public void send(CharSequence text) {
			this.outbox.send(text);
		}

		@Override
		public CompletableFuture<?> sendClose() {
			return this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
		}

		@Override
		public boolean isOutputClosed() {
			return this.socket.isOutputClosed();
		}

		@Override
		public void abort() {
			this.socket.abort();
		}

		@Override
		public void onOpen(WebSocket webSocket) {
			this.socket = webSocket;
			this.outbox.open(webSocket);
			this.listener.onOpen(this, "");
			webSocket.request(1);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.listener.onText(data, last);
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			this.listener.onClose(statusCode, reason);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			this.listener.onError(error);
		}

	}

}
