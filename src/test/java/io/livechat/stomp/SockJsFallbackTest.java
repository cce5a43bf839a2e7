package io.livechat.stomp;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SockJS endpoint works over plain HTTP: xhr-streaming down, xhr_send up. (Spring
 * Framework 7.0.8 answered xhr_send with 404; the build pins a release that does not.)
 */
class SockJsFallbackTest extends EndToEndTest {

	@Test
	void xhrStreamingCarriesAStompSessionBothWays() throws Exception {
		// as a browser: the server ties the session to a cookie it sets on the first request
		HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
		String base = "http://127.0.0.1:" + this.port + "/sockjs/000/" + UUID.randomUUID().toString().replace("-", "");

		HttpResponse<InputStream> stream = http.sendAsync(
				HttpRequest.newBuilder(URI.create(base + "/xhr_streaming")).POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofInputStream())
			.get(ChatClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertThat(stream.statusCode()).isEqualTo(200);
		BufferedReader down = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
		assertThat(nextFrame(down)).isEqualTo("o");

		HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(base + "/xhr_send"))
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("[\"CONNECT\\naccept-version:1.2\\nheart-beat:0,0\\n\\n\\u0000\"]"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(sent.statusCode()).isEqualTo(204);
		assertThat(nextFrame(down)).startsWith("a[\"CONNECTED\\n");

		HttpResponse<String> disconnect = http.send(HttpRequest.newBuilder(URI.create(base + "/xhr_send"))
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("[\"DISCONNECT\\n\\n\\u0000\"]"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(disconnect.statusCode()).isEqualTo(204);
		// the broker answers DISCONNECT and the server closes the SockJS session
		String frame = nextFrame(down);
		for (int i = 0; i < 3 && frame != null && !frame.startsWith("c["); i++) {
			frame = nextFrame(down);
		}
		assertThat(frame).startsWith("c[");
		stream.body().close();
	}

	@Test
	void aSockJsClientJoinsAndChatsWithAWebSocketClient() {
		ChatClient browser = client();
		browser.join("Alex", "random");
		ChatClient fallback = sockJsClient();

		JsonNode joined = fallback.join("Sam", "random");
		fallback.say("random", "over xhr");

		assertThat(joined.path("users")).extracting(JsonNode::asString).containsExactly("Alex", "Sam");
		assertThat(browser.take("message").path("text").asString()).isEqualTo("over xhr");
		assertThat(fallback.take("message").path("text").asString()).isEqualTo("over xhr");
	}

	/** The next SockJS frame on the stream, skipping the prelude of 'h's and heart-beats. */
	private static String nextFrame(BufferedReader down) throws Exception {
		String line;
		do {
			line = down.readLine();
		}
		while (line != null && (line.isEmpty() || line.chars().allMatch((c) -> c == 'h')));
		return line;
	}

}
