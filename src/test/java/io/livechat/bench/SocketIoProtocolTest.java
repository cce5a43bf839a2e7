package io.livechat.bench;

import java.net.URI;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A load client speaking to the Socket.io reference chat, fed the packets such a server sends:
 * what it answers, when it counts as joined, and what it measures.
 */
class SocketIoProtocolTest {

	private static final String OPEN = "0{\"sid\":\"i4fs\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,"
			+ "\"maxPayload\":1000000}";

	private final Run run = new Run("ab1");

	private final RecordingSocket socket = new RecordingSocket();

	private final LoadClient client = new LoadClient(this.run, Options.Protocol.SOCKETIO, 3,
			URI.create("ws://127.0.0.1:3000/socket.io/?EIO=4&transport=websocket"), "tech", 2, 2, 0, null);

	@BeforeEach
	void open() {
		this.client.onOpen(this.socket, "");
	}

	@Test
	void waitsForTheServerToSpeakFirst() {
		assertThat(this.socket.sent).isEmpty();
		assertThat(this.run.extensions()).containsEntry("none", 1L);
	}

	@Test
	void connectsTheMainNamespaceOnEngineIosOpenPacket() {
		this.client.onText(OPEN, true);

		assertThat(this.socket.sent).containsExactly("40");
		assertThat(this.run.pingIntervalMillis()).isEqualTo(25_000);
	}

	@Test
	void joinsItsRoomOnceTheNamespaceIsConnected() {
		this.client.onText(OPEN, true);
		this.client.onText("40{\"sid\":\"FEku\"}", true);

		assertThat(this.socket.sent).containsExactly("40", "42[\"join\",{\"username\":\"lgab1-3\",\"room\":\"tech\"}]");
		assertThat(this.client.hasJoined()).isFalse();
	}

	@Test
	void answersEveryPingWithAPong() {
		this.client.onText("2", true);
		this.client.onText("2", true);

		assertThat(this.socket.sent).containsExactly("3", "3");
	}

	@Test
	void sendsChatAsSendMessageAndNoHeartBeat() {
		this.client.sendChat("~LG|ab1|0|1|5");
		this.client.heartbeat();

		assertThat(this.socket.sent).containsExactly("42[\"send-message\",\"~LG|ab1|0|1|5\"]");
	}

	@Nested
	class Joining {

		@Test
		void theRoomsHistoryIsTheJoinsReply() {
			SocketIoProtocolTest.this.client.onText("42[\"message-history\",[{\"id\":1,\"username\":\"Alex\",\"text\":\"hi\","
					+ "\"timestamp\":1}]]", true);

			assertThat(SocketIoProtocolTest.this.client.hasJoined()).isTrue();
			assertThat(SocketIoProtocolTest.this.client.joinedMicros()).isPositive();
		}

		@Test
		void aHistoryDeliveredInPartsCountsOnceWhole() {
			SocketIoProtocolTest.this.client.onText("42[\"message-hi", false);

			assertThat(SocketIoProtocolTest.this.client.hasJoined()).isFalse();

			SocketIoProtocolTest.this.client.onText("story\",[]]", true);

			assertThat(SocketIoProtocolTest.this.client.hasJoined()).isTrue();
			assertThat(SocketIoProtocolTest.this.run.framesReceived()).isEqualTo(1);
		}

		@Test
		void roomUsersListsCountTheRunsNamesAsEvents() {
			SocketIoProtocolTest.this.client.onText("42[\"room-users\",[\"Alex\",\"lgab1-3\"]]", true);

			assertThat(SocketIoProtocolTest.this.client.users()).isEqualTo(1);
			assertThat(SocketIoProtocolTest.this.client.seesWholeRoom()).isFalse();

			SocketIoProtocolTest.this.client.onText("42[\"room-users\",[\"Alex\",\"lgab1-3\",\"lgab1-5\"]]", true);

			assertThat(SocketIoProtocolTest.this.client.seesWholeRoom()).isTrue();
			assertThat(SocketIoProtocolTest.this.client.usersEvents()).isEqualTo(2);
		}

		@Test
		void anErrorMessageRefusesTheJoin() {
			SocketIoProtocolTest.this.client.onText("42[\"error-message\",\"Invalid username or room\"]", true);

			assertThat(SocketIoProtocolTest.this.client.failure()).startsWith("join refused: \"Invalid username or room\"");
			assertThat(SocketIoProtocolTest.this.run.incidents().snapshot()).hasSize(1);
		}

		@Test
		void aRefusedNamespaceFailsTheJoin() {
			SocketIoProtocolTest.this.client.onText("44{\"message\":\"Invalid namespace\"}", true);

			assertThat(SocketIoProtocolTest.this.client.failure()).contains("Invalid namespace");
			assertThat(SocketIoProtocolTest.this.run.incidents().snapshot()).containsKey("socketio-connect-error");
		}

	}

	@Nested
	class Messages {

		private final long now = MicroClock.now();

		@BeforeEach
		void measuring() {
			SocketIoProtocolTest.this.run.measure(new MeasureWindow(this.now - 60_000_000, this.now + 60_000_000,
					new LatencyRecorder()));
		}

		@Test
		void timesEachMarkFromItsIntendedSendTime() {
			SocketIoProtocolTest.this.client.onText(newMessage(0, 1, this.now - 5_000), true);
			SocketIoProtocolTest.this.client.onText(newMessage(1, 1, this.now - 5_000), true);

			LatencyHistogram latencies = SocketIoProtocolTest.this.run.window().latencies().merged();
			assertThat(latencies.count()).isEqualTo(2);
			assertThat(latencies.summary().p50()).isGreaterThanOrEqualTo(5.0);
		}

		@Test
		void countsRepeatsAndLateArrivalsPerSender() {
			SocketIoProtocolTest.this.client.onText(newMessage(0, 2, this.now), true);
			SocketIoProtocolTest.this.client.onText(newMessage(0, 1, this.now), true);
			SocketIoProtocolTest.this.client.onText(newMessage(0, 2, this.now), true);

			assertThat(SocketIoProtocolTest.this.client.sequences().late()).isEqualTo(1);
			assertThat(SocketIoProtocolTest.this.client.sequences().duplicates()).isEqualTo(1);
		}

		@Test
		void ignoresTextsThatAreNotMarksOfThisRun() {
			SocketIoProtocolTest.this.client.onText("42[\"new-message\",{\"id\":1,\"username\":\"Alex\",\"text\":\"hi\","
					+ "\"timestamp\":1}]", true);
			SocketIoProtocolTest.this.client.onText(newMessage(0, 1, this.now).replace("ab1", "zz9"), true);

			assertThat(SocketIoProtocolTest.this.run.window().latencies().count()).isZero();
		}

		private static String newMessage(int sender, long seq, long intendedMicros) {
			return "42[\"new-message\",{\"id\":" + seq + ",\"username\":\"lgab1-" + sender + "\",\"text\":\""
					+ Mark.text("ab1", sender, seq, intendedMicros) + "\",\"timestamp\":1796157124721}]";
		}

	}

}
