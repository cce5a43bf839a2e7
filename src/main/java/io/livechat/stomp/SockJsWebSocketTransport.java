package io.livechat.stomp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeHandler;
import org.springframework.web.socket.sockjs.SockJsException;
import org.springframework.web.socket.sockjs.transport.SockJsSession;
import org.springframework.web.socket.sockjs.transport.handler.WebSocketTransportHandler;

/**
 * SockJS's WebSocket transport, taking one WebSocket per SockJS session. Spring would let a
 * second handshake under an id in use ({@code /sockjs/{server}/{session}/websocket}) take over
 * the session of the first: two sockets, one session, and a connection slot that is never
 * given back. The second is refused with 404 instead, before the upgrade, and never counted.
 */
final class SockJsWebSocketTransport extends WebSocketTransportHandler {

	private static final Logger logger = LoggerFactory.getLogger(SockJsWebSocketTransport.class);

	private static final String TAKEN = SockJsWebSocketTransport.class.getName() + ".taken";

	private final ChatMetrics metrics;

	SockJsWebSocketTransport(HandshakeHandler handshakeHandler, ChatMetrics metrics) {
		super(handshakeHandler);
		this.metrics = metrics;
	}

	@Override
	public void handleRequest(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			SockJsSession session) throws SockJsException {
		if (session.getAttributes().putIfAbsent(TAKEN, Boolean.TRUE) != null) {
			this.metrics.rejected("sockjs-session-in-use");
			logger.warn("Refused a second WebSocket for SockJS session {} from {}",
					StompErrorReporter.printable(session.getId()), request.getRemoteAddress());
			response.setStatusCode(HttpStatus.NOT_FOUND);
			return;
		}
		super.handleRequest(request, response, handler, session);
	}

}
