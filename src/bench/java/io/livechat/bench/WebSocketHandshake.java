package io.livechat.bench;

import java.net.ProtocolException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * RFC 6455's opening handshake from a client's side: the request, sending no {@code Origin}
 * (as a client that is not a browser, like the JDK's), and the checks on the server's answer.
 */
final class WebSocketHandshake {

	private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

	private final URI url;

	private final String subprotocol;

	private final String extensionOffer;

	private final String key;

	/**
	 * @param subprotocol offered in {@code Sec-WebSocket-Protocol}, none if null
	 * @param extensionOffer sent as {@code Sec-WebSocket-Extensions}, none if null
	 */
	WebSocketHandshake(URI url, String subprotocol, String extensionOffer, String key) {
		this.url = url;
		this.subprotocol = subprotocol;
		this.extensionOffer = extensionOffer;
		this.key = key;
	}

	static WebSocketHandshake of(URI url, String subprotocol, String extensionOffer) {
		byte[] nonce = new byte[16];
		ThreadLocalRandom.current().nextBytes(nonce);
		return new WebSocketHandshake(url, subprotocol, extensionOffer, Base64.getEncoder().encodeToString(nonce));
	}

	/** What the server answered that matters to the client. */
	record Answer(String extensions, String subprotocol) {
	}

	String request() {
		String path = (this.url.getRawPath() == null || this.url.getRawPath().isEmpty()) ? "/" : this.url.getRawPath();
		String query = (this.url.getRawQuery() != null) ? "?" + this.url.getRawQuery() : "";
		String host = this.url.getHost() + ((this.url.getPort() >= 0) ? ":" + this.url.getPort() : "");
		StringBuilder request = new StringBuilder().append("GET ").append(path).append(query).append(" HTTP/1.1\r\n")
			.append("Host: ").append(host).append("\r\n")
			.append("Upgrade: websocket\r\n")
			.append("Connection: Upgrade\r\n")
			.append("Sec-WebSocket-Key: ").append(this.key).append("\r\n")
			.append("Sec-WebSocket-Version: 13\r\n");
		if (this.subprotocol != null) {
			request.append("Sec-WebSocket-Protocol: ").append(this.subprotocol).append("\r\n");
		}
		if (this.extensionOffer != null) {
			request.append("Sec-WebSocket-Extensions: ").append(this.extensionOffer).append("\r\n");
		}
		return request.append("\r\n").toString();
	}

	/**
	 * Checks the server's answer, {@code head} being its status line and headers without the
	 * blank line after them: 101, the upgrade, the accept key, and nothing accepted that was
	 * not offered.
	 */
	Answer check(String head) throws ProtocolException {
		String[] lines = head.split("\r\n");
		if (!lines[0].startsWith("HTTP/1.1 101")) {
			throw new ProtocolException("the server answered " + lines[0]);
		}
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim(), (first, second) -> first + ", " + second);
			}
		}
		if (!"websocket".equalsIgnoreCase(headers.get("upgrade"))
				|| !headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT).contains("upgrade")) {
			throw new ProtocolException("101 without an upgrade to websocket");
		}
		if (!accept(this.key).equals(headers.get("sec-websocket-accept"))) {
			throw new ProtocolException("a wrong Sec-WebSocket-Accept: " + headers.get("sec-websocket-accept"));
		}
		String extensions = headers.getOrDefault("sec-websocket-extensions", "");
		if (!extensions.isEmpty() && this.extensionOffer == null) {
			throw new ProtocolException("the server accepted extensions not offered: " + extensions);
		}
		String chosen = headers.getOrDefault("sec-websocket-protocol", "");
		if (!chosen.isEmpty() && !chosen.equals(this.subprotocol)) {
			throw new ProtocolException("the server chose a subprotocol not offered: " + chosen);
		}
		return new Answer(extensions, chosen);
	}

	/** The {@code Sec-WebSocket-Accept} a server must answer to {@code key}. */
	static String accept(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is missing from the JDK", ex);
		}
	}

}
