package io.livechat.stomp;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A test client's WebSocket transport whose sessions take one send at a time, as a browser's
 * do. Spring's STOMP client sends heart-beats from its scheduler while a test sends frames from
 * its own thread, and Jetty's client session refuses two sends at once (a frame interleaved with
 * another: "CONTINUATION after fin").
 */
final class OneSendAtATime implements WebSocketClient {

	private static final int SEND_TIME_LIMIT_MS = 10_000;

	private static final int BUFFER_LIMIT_BYTES = 4 * 1024 * 1024;

	private final WebSocketClient client;

	OneSendAtATime(WebSocketClient client) {
		this.client = client;
	}

	@Override
	public CompletableFuture<WebSocketSession> execute(WebSocketHandler handler, String uriTemplate, Object... uriVariables) {
		URI uri = UriComponentsBuilder.fromUriString(uriTemplate).buildAndExpand(uriVariables).encode().toUri();
		return execute(handler, null, uri);
	}

	@Override
	public CompletableFuture<WebSocketSession> execute(WebSocketHandler handler, WebSocketHttpHeaders headers, URI uri) {
		return this.client.execute(new WebSocketHandlerDecorator(handler) {
			@Override
			public void afterConnectionEstablished(WebSocketSession session) throws Exception {
				super.afterConnectionEstablished(
						new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES));
			}
		}, headers, uri);
	}

}
