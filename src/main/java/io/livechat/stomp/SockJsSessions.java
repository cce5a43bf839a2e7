package io.livechat.stomp;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.sockjs.transport.SockJsSession;

/**
 * SockJS sessions, whose ids their clients choose (in the URL). Everything behind the endpoint
 * knows a SockJS session by an id of the server's making instead, so a client that picks
 * someone else's id touches nobody's state; and each HTTP session is tied to the cookie its
 * first request was given ({@link SockJsOwnershipFilter}), so nobody else can send or read in
 * it. (Native WebSocket sessions already have ids of the server's making.)
 */
final class SockJsSessions {

	/** The request attribute, then session attribute, that carries an HTTP session's cookie value. */
	static final String TOKEN = SockJsSessions.class.getName() + ".token";

	/** The server's own session for each SockJS session, by the SockJS session object. */
	private final Map<WebSocketSession, WebSocketSession> renamed = new ConcurrentHashMap<>();

	/** The cookie value each open HTTP session was given, by its SockJS session id. */
	private final Map<String, String> tokens = new ConcurrentHashMap<>();

	WebSocketHandler decorate(WebSocketHandler handler) {
		return new Renaming(handler);
	}

	/** Carries the cookie value minted for a session's first request into the new session. */
	HandshakeInterceptor tokenInterceptor() {
		return new HandshakeInterceptor() {
			@Override
			public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
					WebSocketHandler handler, Map<String, Object> attributes) {
				if (request instanceof ServletServerHttpRequest servlet
						&& servlet.getServletRequest().getAttribute(TOKEN) instanceof String token) {
					attributes.put(TOKEN, token);
				}
				return true;
			}

			@Override
			public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response,
					WebSocketHandler handler, Exception exception) {
			}
		};
	}

	/** The cookie value of an open HTTP session, or null when no such session is open. */
	String tokenOf(String sockJsSessionId) {
		return this.tokens.get(sockJsSessionId);
	}

	/** How many SockJS sessions are open. */
	int size() {
		return this.renamed.size();
	}

	private final class Renaming extends WebSocketHandlerDecorator {

		Renaming(WebSocketHandler delegate) {
			super(delegate);
		}

		@Override
		public void afterConnectionEstablished(WebSocketSession session) throws Exception {
			if (!(session instanceof SockJsSession)) {
				super.afterConnectionEstablished(session);
				return;
			}
			WebSocketSession own = new Renamed(session, UUID.randomUUID().toString());
			if (SockJsSessions.this.renamed.putIfAbsent(session, own) != null) {
				return; // established once already: the handlers behind know it
			}
			if (session.getAttributes().get(TOKEN) instanceof String token) {
				SockJsSessions.this.tokens.put(session.getId(), token);
			}
			super.afterConnectionEstablished(own);
		}

		@Override
		public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
			WebSocketSession own = own(session);
			if (own != null) {
				super.handleMessage(own, message);
			}
		}

		@Override
		public void handleTransportError(WebSocketSession session, Throwable exception) throws Exception {
			WebSocketSession own = own(session);
			if (own != null) {
				super.handleTransportError(own, exception);
			}
		}

		@Override
		public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
			if (!(session instanceof SockJsSession)) {
				super.afterConnectionClosed(session, closeStatus);
				return;
			}
			WebSocketSession own = SockJsSessions.this.renamed.remove(session);
			if (own != null) {
				if (session.getAttributes().get(TOKEN) instanceof String token) {
					SockJsSessions.this.tokens.remove(session.getId(), token);
				}
				super.afterConnectionClosed(own, closeStatus);
			}
		}

		private WebSocketSession own(WebSocketSession session) {
			return (session instanceof SockJsSession) ? SockJsSessions.this.renamed.get(session) : session;
		}

	}

	/** A SockJS session under the server's id. */
	private static final class Renamed extends WebSocketSessionDecorator {

		private final String id;

		Renamed(WebSocketSession session, String id) {
			super(session);
			this.id = id;
		}

		@Override
		public String getId() {
			return this.id;
		}

	}

}
