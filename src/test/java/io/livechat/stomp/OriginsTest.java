package io.livechat.stomp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cross-Site WebSocket Hijacking: only the page's own origin, the configured ones, and
 * non-browser clients (no Origin) may open the chat's sockets or read its API.
 */
@TestPropertySource(properties = "livechat.allowed-origins=http://localhost:[*],https://chat.example.com")
class OriginsTest extends EndToEndTest {

	@Nested
	class WebSocketHandshake {

		@ParameterizedTest
		@ValueSource(strings = { "http://localhost:5173", "https://chat.example.com" })
		void isAcceptedFromAnAllowedOrigin(String origin) throws Exception {
			track(RawWebSocket.open(port, "/ws", "Origin: " + origin + "\r\n")).close();
		}

		@Test
		void isAcceptedFromThePagesOwnOrigin() throws Exception {
			track(RawWebSocket.open(port, "/ws", "Origin: http://127.0.0.1:" + port + "\r\n")).close();
		}

		@Test
		void isAcceptedWithoutAnOriginAsNoBrowserIsInvolved() throws Exception {
			track(RawWebSocket.open(port, "/ws")).close();
		}

		@ParameterizedTest
		@ValueSource(strings = { "https://evil.example", "http://localhost.evil.example", "null",
				"https://chat.example.com.evil.example" })
		void isRefusedFromAForeignOrigin(String origin) {
			assertThatThrownBy(() -> RawWebSocket.open(port, "/ws", "Origin: " + origin + "\r\n"))
				.isInstanceOfSatisfying(RawWebSocket.HandshakeRefusedException.class,
						(ex) -> assertThat(ex.status()).isEqualTo(403));
		}

	}

	@Nested
	class SockJsAndApi {

		@Test
		void sockJsRefusesAForeignOrigin() throws Exception {
			assertThat(get("/sockjs/info", "https://evil.example").statusCode()).isEqualTo(403);
			assertThat(get("/sockjs/info", "https://chat.example.com").statusCode()).isEqualTo(200);
		}

		@Test
		void theApiSharesOnlyWithAllowedOrigins() throws Exception {
			HttpResponse<String> foreign = get("/api/rooms", "https://evil.example");
			HttpResponse<String> allowed = get("/api/rooms", "https://chat.example.com");

			assertThat(foreign.statusCode()).isEqualTo(403);
			assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
			assertThat(allowed.statusCode()).isEqualTo(200);
			assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://chat.example.com");
		}

		private HttpResponse<String> get(String path, String origin) throws Exception {
			return HttpClient.newHttpClient().send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Origin", origin).build(),
					HttpResponse.BodyHandlers.ofString());
		}

	}

}
