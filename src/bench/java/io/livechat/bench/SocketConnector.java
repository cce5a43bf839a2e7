package io.livechat.bench;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Opens the WebSockets of a run's clients: the JDK's client, or the tool's own when the clients
 * offer permessage-deflate (the JDK's refuses to send {@code Sec-WebSocket-Extensions}).
 */
interface SocketConnector extends AutoCloseable {

	/**
	 * Opens a WebSocket to {@code url}, offering {@code subprotocol} (none if null). The listener
	 * hears {@code onOpen} first; the returned stage fails when the handshake does or times out.
	 */
	CompletableFuture<?> connect(URI url, String subprotocol, Duration timeout, SocketListener listener);

	@Override
	void close();

	static SocketConnector of(Options options) {
		return options.deflate() ? new RawWebSocketClient(PerMessageDeflate.CHROMIUM_OFFER)
				: new JdkSocketConnector();
	}

}
