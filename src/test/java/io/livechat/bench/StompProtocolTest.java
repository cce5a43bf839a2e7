package io.livechat.bench;

import java.net.URI;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A load client speaking LiveChat's STOMP, fed the frames the server sends. */
class StompProtocolTest {

	private final Run run = new Run("ab1");

	private final RecordingSocket socket = new RecordingSocket();

	private final LoadClient client = new LoadClient(this.run, Options.Protocol.STOMP, 3,
			URI.create("ws://127.0.0.1:8080/ws"), "tech", 1, 2, 10_000);

	@BeforeEach
	void open() {
		this.client.onOpen(this.socket, "");
	}

	@Test
	void connectsFirstOfferingItsHeartBeat() {
		assertThat(this.socket.sent).containsExactly(
				"CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:10000,10000\n\n\0");
	}

	@Test
	void subscribesAndJoinsOnConnected() {
		this.client.onText("CONNECTED\nversion:1.2\nheart-beat:10000,10000\n\n\0", true);

		assertThat(this.socket.sent).hasSize(4);
		assertThat(this.socket.sent.get(1)).startsWith("SUBSCRIBE\nid:0\ndestination:/user/queue/events\n");
		assertThat(this.socket.sent.get(2)).startsWith("SUBSCRIBE\nid:1\ndestination:/topic/tech\n");
		assertThat(this.socket.sent.get(3)).startsWith("SEND\ndestination:/app/join\n")
			.contains("{\"username\":\"lgab1-3\",\"room\":\"tech\",\"clientId\":\"loadgen-ab1-3\"}");
	}

	@Test
	void theJoinedReplyJoinsAndItsUserListCountsButIsNoEvent() {
		this.client.onText("MESSAGE\ndestination:/user/queue/events\nsubscription:0\n\n"
				+ "{\"type\":\"joined\",\"room\":\"tech\",\"history\":[],\"users\":[\"lgab1-3\"]}\0", true);

		assertThat(this.client.hasJoined()).isTrue();
		assertThat(this.client.seesWholeRoom()).isTrue();
		assertThat(this.client.usersEvents()).isZero();
	}

	@Test
	void sendsChatToTheRoomAndHeartBeatsAsEndOfLine() {
		this.client.sendChat("~LG|ab1|0|1|5");
		this.client.heartbeat();

		assertThat(this.socket.sent).hasSize(3);
		assertThat(this.socket.sent.get(1)).startsWith("SEND\ndestination:/app/send\n")
			.endsWith("{\"room\":\"tech\",\"text\":\"~LG|ab1|0|1|5\"}\0");
		assertThat(this.socket.sent.get(2)).isEqualTo("\n");
	}

	@Test
	void anErrorFrameFailsTheJoin() {
		this.client.onText("ERROR\nmessage:Too many headers\n\n\0", true);

		assertThat(this.client.failure()).isEqualTo("STOMP ERROR frame: Too many headers");
		assertThat(this.run.incidents().snapshot()).containsEntry("stomp-error:Too many headers", 1L);
	}

}
