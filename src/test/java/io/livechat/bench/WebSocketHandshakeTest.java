package io.livechat.bench;

import java.net.ProtocolException;
import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WebSocketHandshakeTest {

	/** RFC 6455's own example key. */
	private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

	private static final String ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

	private final WebSocketHandshake offering = new WebSocketHandshake(
			URI.create("ws://127.0.0.1:3000/socket.io/?EIO=4&transport=websocket"), null, PerMessageDeflate.CHROMIUM_OFFER,
			KEY);

	@Test
	void answersTheRfcsExampleKey() {
		assertThat(WebSocketHandshake.accept(KEY)).isEqualTo(ACCEPT);
	}

	@Test
	void requestsThePathAndQueryOfferingTheExtension() {
		assertThat(this.offering.request()).startsWith("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n")
			.contains("Host: 127.0.0.1:3000\r\n", "Upgrade: websocket\r\n", "Connection: Upgrade\r\n",
					"Sec-WebSocket-Key: " + KEY + "\r\n", "Sec-WebSocket-Version: 13\r\n",
					"Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n")
			.doesNotContain("Sec-WebSocket-Protocol", "Origin")
			.endsWith("\r\n\r\n");
	}

	@Test
	void offersTheSubprotocolWhenThereIsOne() {
		WebSocketHandshake stomp = new WebSocketHandshake(URI.create("ws://localhost:8080/ws"), "v12.stomp", null, KEY);

		assertThat(stomp.request()).startsWith("GET /ws HTTP/1.1\r\n")
			.contains("Sec-WebSocket-Protocol: v12.stomp\r\n")
			.doesNotContain("Sec-WebSocket-Extensions");
	}

	@Test
	void readsTheAcceptedExtensionsWhateverTheCaseOfTheHeaders() throws Exception {
		WebSocketHandshake.Answer answer = this.offering.check("HTTP/1.1 101 Switching Protocols\r\nupgrade: WebSocket\r\n"
				+ "connection: Upgrade\r\nsec-websocket-accept: " + ACCEPT + "\r\n"
				+ "Sec-WebSocket-Extensions: permessage-deflate;client_max_window_bits=15");

		assertThat(answer.extensions()).isEqualTo("permessage-deflate;client_max_window_bits=15");
		assertThat(answer.subprotocol()).isEmpty();
	}

	@Test
	void anAnswerWithoutExtensionsAcceptsNone() throws Exception {
		assertThat(this.offering.check(switching(ACCEPT)).extensions()).isEmpty();
	}

	@Test
	void refusesAnythingButTheSwitch() {
		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> this.offering.check("HTTP/1.1 403 Forbidden\r\nContent-Length: 0"))
			.withMessage("the server answered HTTP/1.1 403 Forbidden");
	}

	@Test
	void refusesAWrongAcceptKey() {
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> this.offering.check(switching("bm9wZQ==")))
			.withMessageContaining("Sec-WebSocket-Accept");
	}

	@Test
	void refusesExtensionsOrASubprotocolNotOffered() {
		WebSocketHandshake plain = new WebSocketHandshake(URI.create("ws://localhost:8080/ws"), null, null, KEY);

		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> plain.check(switching(ACCEPT) + "\r\nSec-WebSocket-Extensions: permessage-deflate"))
			.withMessageContaining("not offered");
		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> plain.check(switching(ACCEPT) + "\r\nSec-WebSocket-Protocol: v12.stomp"))
			.withMessageContaining("not offered");
	}

	private static String switching(String accept) {
		return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
				+ accept;
	}

}
