package io.livechat.stomp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A SockJS session belongs to the client that opened it: its id (chosen by that client) cannot
 * be opened a second time, nor written to by anyone else, and its requests are capped and
 * checked like any other input.
 */
@ExtendWith(OutputCaptureExtension.class)
class SockJsSessionsTest extends EndToEndTest {

	private static final String CONNECT = "CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:0,0\n\n";

	@Autowired
	ConnectionGuard guard;

	@Nested
	class ReusedIds {

		@Test
		void aSecondWebSocketUnderAnIdInUseIsRefusedAndTheFirstUserStays() throws Exception {
			ChatClient bystander = client();
			bystander.join("Sam", "general");
			String path = "/sockjs/000/" + sessionId() + "/websocket";
			RawWebSocket first = track(RawWebSocket.open(port, path));
			joinOverSockJs(first, "Alex");
			bystander.take((r) -> r.type().equals("users") && r.body().path("users").size() == 2);

			assertThatThrownBy(() -> track(RawWebSocket.open(port, path)))
				.isInstanceOfSatisfying(RawWebSocket.HandshakeRefusedException.class,
						(refused) -> assertThat(refused.status()).isEqualTo(404));

			assertThat(rooms.users("general")).containsExactly("Alex", "Sam");
			first.sendText(SockJsHttpSession.body("SEND\ndestination:/app/send\n\n{\"room\":\"general\",\"text\":\"still me\"}")
				.getBytes(StandardCharsets.UTF_8));
			assertThat(bystander.take("message").path("username").asString()).isEqualTo("Alex");
		}

		@Test
		void reusingIdsOverAndOverLeavesTheConnectionCountWhereItWas() throws Exception {
			int before = guard.openConnections();
			for (int i = 0; i < 20; i++) {
				String path = "/sockjs/000/" + sessionId() + "/websocket";
				try (RawWebSocket first = RawWebSocket.open(port, path)) {
					assertThat(first.readMessage()).isEqualTo("o");
					try (RawWebSocket second = RawWebSocket.open(port, path)) {
						second.readMessage();
					}
					catch (IOException refused) {
						// refused at the handshake, as it should be
					}
				}
			}

			Awaitility.await().atMost(ChatClient.TIMEOUT).until(() -> guard.openConnections() == before);
		}

		private void joinOverSockJs(RawWebSocket ws, String name) throws IOException {
			assertThat(ws.readMessage()).isEqualTo("o");
			ws.sendText(SockJsHttpSession.body(CONNECT).getBytes(StandardCharsets.UTF_8));
			assertThat(ws.readMessage()).startsWith("a[\"CONNECTED");
			ws.sendText(SockJsHttpSession.body("SUBSCRIBE\nid:0\ndestination:/user/queue/events\n\n",
					"SEND\ndestination:/app/join\n\n{\"username\":\"" + name
							+ "\",\"room\":\"general\",\"clientId\":\"sockjs-" + name + "-1\"}")
				.getBytes(StandardCharsets.UTF_8));
			assertThat(ws.readMessage()).contains("\\\"type\\\":\\\"joined\\\"");
		}

	}

	@Nested
	class ForeignSends {

		@Test
		void onlyTheClientThatOpenedASessionCanSendInIt() throws Exception {
			ChatClient bystander = client();
			bystander.join("Sam", "random");
			SockJsHttpSession owner = track(SockJsHttpSession.open(port));
			assertThat(owner.send(CONNECT)).isEqualTo(204);
			owner.awaitFrameContaining("CONNECTED");
			assertThat(owner.send("SUBSCRIBE\nid:0\ndestination:/user/queue/events\n\n",
					"SEND\ndestination:/app/join\n\n{\"username\":\"Owner\",\"room\":\"random\",\"clientId\":\"owner-client-1\"}"))
				.isEqualTo(204);
			owner.awaitFrameContaining("joined");
			String forged = SockJsHttpSession.body("SEND\ndestination:/app/send\n\n{\"room\":\"random\",\"text\":\"forged\"}");

			HttpResponse<String> sameAddress = owner.postAsStranger(forged);
			HttpResponse<String> otherAddress = owner.postAsStranger(forged, "X-Forwarded-For", "198.51.100.7");

			assertThat(sameAddress.statusCode()).isEqualTo(404);
			assertThat(otherAddress.statusCode()).isEqualTo(404);
			assertThat(owner.send("SEND\ndestination:/app/send\n\n{\"room\":\"random\",\"text\":\"mine\"}")).isEqualTo(204);
			assertThat(bystander.take("message").path("text").asString()).isEqualTo("mine");
			assertThat(bystander.all((r) -> r.body().path("text").asString().equals("forged"))).isEmpty();
		}

	}

	@Nested
	class Bodies {

		@Test
		void aFiftyMegabyteSendIsRefusedBeforeItIsRead() throws Exception {
			SockJsHttpSession session = track(SockJsHttpSession.open(port));

			String response = postHeadersOnly(session, "Content-Length: " + 50 * 1024 * 1024);

			assertThat(response).startsWith("HTTP/1.1 413");
		}

		@Test
		void aChunkedSendOverTheLimitIsRefused() throws Exception {
			SockJsHttpSession session = track(SockJsHttpSession.open(port));
			String path = session.base().substring(session.base().indexOf("/sockjs/")) + "/xhr_send";

			try (Socket socket = new Socket("127.0.0.1", port)) {
				socket.setSoTimeout((int) ChatClient.TIMEOUT.toMillis());
				OutputStream out = socket.getOutputStream();
				out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
						+ "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
				byte[] chunk = ("[\"" + "x".repeat(8190) + "\"").getBytes(StandardCharsets.US_ASCII);
				try {
					for (int i = 0; i < 64; i++) { // 512 KiB, far over the limit
						out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
						out.write(chunk);
						out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
					}
				}
				catch (IOException closedByTheServer) {
					// the server answered and closed before the rest was sent
				}
				assertThat(statusLine(socket.getInputStream())).startsWith("HTTP/1.1 413");
			}
		}

		@Test
		void aBrokenSendGetsAnErrorAndOneLogLineWithoutAStackTrace(CapturedOutput output) throws Exception {
			SockJsHttpSession session = track(SockJsHttpSession.open(port));
			int logged = output.getAll().length();

			HttpResponse<String> response = session.post("x");

			assertThat(response.statusCode()).isBetween(400, 599);
			Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> output.getAll().length() > logged);
			String log = output.getAll().substring(logged);
			assertThat(log.lines().filter((line) -> !line.isBlank())).hasSize(1);
			assertThat(log).doesNotContain("\tat ", "ERROR");
		}

		@Test
		void brokenDataOverSockJsWebSocketClosesThatSessionWithOneLogLine(CapturedOutput output) throws Exception {
			RawWebSocket ws = track(RawWebSocket.open(port, "/sockjs/000/" + sessionId() + "/websocket"));
			assertThat(ws.readMessage()).isEqualTo("o");
			int logged = output.getAll().length();

			ws.sendText("x".getBytes(StandardCharsets.UTF_8));

			assertThat(ws.awaitClose(ChatClient.TIMEOUT)).isEqualTo(1007);
			String log = output.getAll().substring(logged);
			assertThat(log.lines().filter((line) -> !line.isBlank())).hasSize(1);
			assertThat(log).doesNotContain("\tat ", "ERROR");
		}

		private String postHeadersOnly(SockJsHttpSession session, String lengthHeader) throws IOException {
			String path = session.base().substring(session.base().indexOf("/sockjs/")) + "/xhr_send";
			try (Socket socket = new Socket("127.0.0.1", port)) {
				socket.setSoTimeout((int) ChatClient.TIMEOUT.toMillis());
				socket.getOutputStream()
					.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n" + lengthHeader
							+ "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
				return statusLine(socket.getInputStream());
			}
		}

	}

	private static String statusLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) != -1 && c != '\n') {
			line.append((char) c);
		}
		return line.toString();
	}

	private static String sessionId() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
