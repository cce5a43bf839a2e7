package io.livechat.stomp;

import java.util.Map;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Notes the client's address in the attributes of every WebSocket and SockJS session, for the
 * limits per address.
 */
class RecordClientAddress implements HandshakeInterceptor {

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		String remote = (request instanceof ServletServerHttpRequest servlet)
				? servlet.getServletRequest().getRemoteAddr() : null;
		attributes.put(ClientAddress.ATTRIBUTE, ClientAddress.of(remote));
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Exception exception) {
	}

}
