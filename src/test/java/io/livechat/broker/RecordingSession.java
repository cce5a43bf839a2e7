package io.livechat.broker;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/** A session that records what is written to it and how it was closed. */
public class RecordingSession implements WebSocketSession {

	public final List<String> written = new ArrayList<>();

	public CloseStatus closedWith;

	private final String id;

	public RecordingSession() {
		this("s1");
	}

	public RecordingSession(String id) {
		this.id = id;
	}

	@Override
	public synchronized void sendMessage(WebSocketMessage<?> message) {
		this.written.add(((TextMessage) message).getPayload());
	}

	@Override
	public synchronized void close(CloseStatus status) {
		this.closedWith = status;
	}

	@Override
	public void close() {
		close(CloseStatus.NORMAL);
	}

	@Override
	public synchronized boolean isOpen() {
		return this.closedWith == null;
	}

	@Override
	public String getId() {
		return this.id;
	}

	@Override
	public URI getUri() {
		return null;
	}

	@Override
	public HttpHeaders getHandshakeHeaders() {
		return new HttpHeaders();
	}

	@Override
	public Map<String, Object> getAttributes() {
		return Map.of();
	}

	@Override
	public Principal getPrincipal() {
		return null;
	}

	@Override
	public InetSocketAddress getLocalAddress() {
		return null;
	}

	@Override
	public InetSocketAddress getRemoteAddress() {
		return null;
	}

	@Override
	public String getAcceptedProtocol() {
		return "v12.stomp";
	}

	@Override
	public void setTextMessageSizeLimit(int messageSizeLimit) {
	}

	@Override
	public int getTextMessageSizeLimit() {
		return 0;
	}

	@Override
	public void setBinaryMessageSizeLimit(int messageSizeLimit) {
	}

	@Override
	public int getBinaryMessageSizeLimit() {
		return 0;
	}

	@Override
	public List<WebSocketExtension> getExtensions() {
		return List.of();
	}

}
