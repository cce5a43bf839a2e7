package io.livechat.bench;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Opens the WebSockets of a run's clients: the tool's own client (which alone can offer
 * permessage-deflate: the JDK's refuses to send {@code Sec-WebSocket-Extensions}), or the JDK's.
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
		if (options.client() == Options.Client.JDK) {
			return new JdkSocketConnector();
		}
		return new RawWebSocketClient(options.deflate() ? PerMessageDeflate.CHROMIUM_OFFER : null);
	}

}
