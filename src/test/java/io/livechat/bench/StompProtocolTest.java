package io.livechat.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A load client speaking LiveChat's STOMP, fed the frames the server sends. */
class StompProtocolTest {

	private static final String READS_EVENT = "MESSAGE\ndestination:/topic/tech\nsubscription:1\n\n"
			+ "{\"type\":\"reads\",\"room\":\"tech\",\"reads\":[{\"id\":\"Zr7LwP0\",\"name\":\"Sam\",\"lastRead\":43}]}\0";

	private final Run run = new Run("ab1");

	private final RecordingSocket socket = new RecordingSocket();

	private final LoadClient client = new LoadClient(this.run, Options.Protocol.STOMP, 3,
			URI.create("ws://127.0.0.1:8080/ws"), "tech", 1, 2, 10_000, null);

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
	void sendsNoReadsWithoutTheOption() {
		this.client.onText(message(18), true);

		assertThat(this.socket.sent).hasSize(1);
	}

	@Test
	void countsReadsEventsInsideTheMeasuredWindowOnly() {
		this.client.onText(READS_EVENT, true);
		this.run.measure(new MeasureWindow(0, Long.MAX_VALUE, new LatencyRecorder()));
		this.client.onText(READS_EVENT, true);
		this.client.onText(READS_EVENT, true);
		this.client.onText("MESSAGE\ndestination:/topic/tech\nsubscription:1\n\n"
				+ "{\"type\":\"rooms\",\"rooms\":[]}\0", true);

		assertThat(this.client.readsEventsMeasured()).isEqualTo(2);
	}

	@Nested
	class ReportingReads {

		private final List<Runnable> timers = new ArrayList<>();

		private final LoadClient reader = new LoadClient(StompProtocolTest.this.run, Options.Protocol.STOMP, 4,
				URI.create("ws://127.0.0.1:8080/ws"), "tech", 1, 2, 10_000,
				(delayMicros, task) -> this.timers.add(task));

		private final RecordingSocket readerSocket = new RecordingSocket();

		@BeforeEach
		void open() {
			this.reader.onOpen(this.readerSocket, "");
		}

		@Test
		void theFirstMessageIsReportedReadAtOnceWithItsId() {
			this.reader.onText(message(18), true);

			assertThat(this.readerSocket.sent).hasSize(2);
			assertThat(this.readerSocket.sent.get(1)).startsWith("SEND\ndestination:/app/read\n")
				.endsWith("\n\n{\"room\":\"tech\",\"id\":18}\0");
		}

		@Test
		void aTimedReadCarriesTheNewestIdReceived() {
			this.reader.onText(message(18), true);
			this.reader.onText(message(19), true);
			this.reader.onText(message(20), true);
			this.timers.forEach(Runnable::run);

			assertThat(this.readerSocket.sent.get(this.readerSocket.sent.size() - 1)).endsWith("\"id\":20}\0");
			assertThat(this.readerSocket.sent).hasSizeLessThanOrEqualTo(3);
		}

		@Test
		void countsTheReadsSentInsideTheMeasuredWindow() {
			this.reader.onText(message(18), true);
			StompProtocolTest.this.run.measure(new MeasureWindow(0, Long.MAX_VALUE, new LatencyRecorder()));
			this.reader.onText(message(19), true);
			this.timers.forEach(Runnable::run);

			assertThat(this.reader.readsSentMeasured()).isEqualTo(1);
		}

		@Test
		void readsAChatMessageOfSomeoneOutsideTheRunToo() {
			this.reader.onText("MESSAGE\ndestination:/topic/tech\nsubscription:1\n\n{\"type\":\"message\",\"id\":5,"
					+ "\"room\":\"tech\",\"username\":\"Alex\",\"text\":\"hello\",\"timestamp\":1}\0", true);

			assertThat(this.readerSocket.sent.get(1)).endsWith("{\"room\":\"tech\",\"id\":5}\0");
		}

	}

	@Test
	void anErrorFrameFailsTheJoin() {
		this.client.onText("ERROR\nmessage:Too many headers\n\n\0", true);

		assertThat(this.client.failure()).isEqualTo("STOMP ERROR frame: Too many headers");
		assertThat(this.run.incidents().snapshot()).containsEntry("stomp-error:Too many headers", 1L);
	}

	/** A chat message of this run's sender 0 with room sequence {@code id}. */
	private static String message(long id) {
		return "MESSAGE\ndestination:/topic/tech\nsubscription:1\n\n{\"type\":\"message\",\"id\":" + id
				+ ",\"room\":\"tech\",\"username\":\"lgab1-0\",\"text\":\"~LG|ab1|0|" + id + "|1\",\"timestamp\":1}\0";
	}

}
