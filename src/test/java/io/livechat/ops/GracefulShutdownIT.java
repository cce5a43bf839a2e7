package io.livechat.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On SIGTERM the server closes every STOMP session with 1001 (going away), so clients
 * reconnect, and exits within its grace period.
 */
class GracefulShutdownIT {

	@Test
	void sigtermClosesSessionsWithGoingAwayAndExitsWithinTheGracePeriod() throws Exception {
		try (ServerProcess server = ServerProcess.start("--spring.lifecycle.timeout-per-shutdown-phase=5s")) {
			try (Socket socket = new Socket("127.0.0.1", server.port())) {
				socket.setSoTimeout(20_000);
				connectAndJoin(socket, server.port());

				long start = System.nanoTime();
				server.terminate();

				assertThat(readCloseCode(socket.getInputStream())).isEqualTo(1001);
				Integer exitCode = server.awaitExit(Duration.ofSeconds(20));
				Duration took = Duration.ofNanos(System.nanoTime() - start);
				assertThat(exitCode).as("exit code; log:%n%s", server.log()).isIn(0, 143);
				assertThat(took).isLessThan(Duration.ofSeconds(15));
				assertThat(server.log()).doesNotContain("ERROR");
			}
		}
	}

	private static void connectAndJoin(Socket socket, int port) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(new byte[16])
				+ "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		InputStream in = socket.getInputStream();
		String head = "";
		while (!head.endsWith("\r\n\r\n")) {
			head += (char) in.read();
		}
		assertThat(head).startsWith("HTTP/1.1 101");
		sendText(out, "CONNECT\naccept-version:1.2\nhost:x\nheart-beat:0,0\n\n\0");
		sendText(out, "SUBSCRIBE\nid:0\ndestination:/user/queue/events\n\n\0");
		sendText(out, "SEND\ndestination:/app/join\n\n{\"username\":\"Alex\",\"room\":\"general\",\"clientId\":\"shutdown-client\"}\0");
		int frames = 0;
		while (frames < 2) { // CONNECTED, then the joined reply
			int opcode = in.read() & 0x0F;
			skipPayload(in);
			if (opcode == 0x1) {
				frames++;
			}
		}
	}

	/** Reads frames until a close frame and returns its code. */
	private static int readCloseCode(InputStream in) throws IOException {
		while (true) {
			int first = in.read();
			if (first < 0) {
				return -1;
			}
			byte[] payload = skipPayload(in);
			if ((first & 0x0F) == 0x8) {
				return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
			}
		}
	}

	private static byte[] skipPayload(InputStream in) throws IOException {
		int length = in.read() & 0x7F;
		if (length == 126) {
			length = (in.read() << 8) | in.read();
		}
		else if (length == 127) {
			throw new IOException("unexpectedly large frame");
		}
		return in.readNBytes(length);
	}

	private static void sendText(OutputStream out, String text) throws IOException {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		out.write(0x81);
		if (payload.length < 126) {
			out.write(0x80 | payload.length);
		}
		else {
			out.write(0x80 | 126);
			out.write(payload.length >>> 8);
			out.write(payload.length);
		}
		out.write(new byte[4]); // a zero mask leaves the payload as it is
		out.write(payload);
		out.flush();
	}

}
