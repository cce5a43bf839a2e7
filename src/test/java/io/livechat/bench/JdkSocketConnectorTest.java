package io.livechat.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Why {@code --deflate} needs the tool's own WebSocket client. */
class JdkSocketConnectorTest {

	@Test
	void theJdksClientRefusesToOfferAnExtension() {
		CompletableFuture<WebSocket> opening = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.header("Sec-WebSocket-Extensions", PerMessageDeflate.CHROMIUM_OFFER)
			.buildAsync(URI.create("ws://127.0.0.1:9/ws"), new WebSocket.Listener() {
			});

		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> opening.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(IllegalArgumentException.class)
			.withMessageContaining("Illegal header: Sec-WebSocket-Extensions");
	}

	@Test
	void theConnectorOfARunFollowsTheClientOption() {
		try (SocketConnector own = SocketConnector.of(Options.parse("idle"));
				SocketConnector deflating = SocketConnector.of(Options.parse("idle", "--deflate"));
				SocketConnector jdk = SocketConnector.of(Options.parse("idle", "--client", "jdk"))) {
			assertThat(own).isInstanceOf(RawWebSocketClient.class);
			assertThat(deflating).isInstanceOf(RawWebSocketClient.class);
			assertThat(jdk).isInstanceOf(JdkSocketConnector.class);
		}
	}

}
