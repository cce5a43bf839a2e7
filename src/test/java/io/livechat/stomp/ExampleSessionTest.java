package io.livechat.stomp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example session of docs/protocol.md, frame by frame, on a bare socket.
 */
class ExampleSessionTest extends EndToEndTest {

	@Test
	void theDocumentedSessionPlaysOutAsDocumented() throws Exception {
		RawWebSocket ws = track(RawWebSocket.open(this.port, "/ws"));

		ws.sendFrame("CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:10000,10000\n\n");
		assertThat(ws.readFrame()).startsWith("CONNECTED\n").contains("version:1.2\n").contains("heart-beat:10000,10000\n");

		ws.sendFrame("SUBSCRIBE\nid:sub-0\ndestination:/user/queue/events\n\n");
		ws.sendFrame("SUBSCRIBE\nid:sub-1\ndestination:/topic/general\n\n");
		ws.sendFrame("SEND\ndestination:/app/join\ncontent-type:application/json\n\n"
				+ "{\"username\":\"Alex\",\"room\":\"general\",\"clientId\":\"3f2b9c1e-1d2a-4c7e-9a55-0f1b2c3d4e5f\"}");
		assertThat(firstAfterSnapshots(ws)).startsWith("MESSAGE\n")
			.contains("destination:/user/queue/events\n", "subscription:sub-0\n", "content-type:application/json")
			.contains("\"type\":\"joined\"", "\"room\":\"general\"", "\"username\":\"Alex\"", "\"users\":[\"Alex\"]",
					"\"truncated\":");
		assertThat(ws.readFrame()).contains("destination:/topic/general\n", "subscription:sub-1\n")
			.contains("\"type\":\"system\"", "\"event\":\"joined\"", "\"text\":\"Alex joined #general\"");
		assertThat(ws.readFrame()).contains("\"type\":\"users\"", "\"users\":[\"Alex\"]");

		ws.sendFrame("SEND\ndestination:/app/send\n\n{\"room\":\"general\",\"text\":\"hello\"}");
		assertThat(ws.readFrame()).contains("subscription:sub-1\n", "\"type\":\"message\"", "\"username\":\"Alex\"",
				"\"text\":\"hello\"", "\"timestamp\":");

		ws.sendFrame("SEND\ndestination:/app/send\n\n{\"room\":\"general\",\"text\":\"\"}");
		assertThat(ws.readFrame()).contains("subscription:sub-0\n", "\"type\":\"error\"", "\"code\":\"invalid-message\"",
				"\"message\":\"A message cannot be empty.\"");

		ws.sendFrame("DISCONNECT\nreceipt:bye\n\n");
		assertThat(ws.readFrame()).startsWith("RECEIPT\n").contains("receipt-id:bye\n");
	}

	/**
	 * The next frame that is not a user list: a list held back from an earlier test's leave
	 * (lists go out at most every 250 ms) may reach a new subscriber before its joined reply.
	 */
	private static String firstAfterSnapshots(RawWebSocket ws) throws Exception {
		String frame = ws.readFrame();
		while (frame.contains("\"type\":\"users\"")) {
			frame = ws.readFrame();
		}
		return frame;
	}

}
