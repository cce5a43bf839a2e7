package io.livechat.stomp;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sockets that hold a slot without speaking are closed: no CONNECT in time, no traffic at all
 * (heart-beats 0,0 and silence), or half a frame and then nothing (slow-loris).
 */
@TestPropertySource(properties = { "livechat.limits.connect-timeout=1s", "livechat.limits.idle-timeout=2s" })
class SilentSocketsTest extends EndToEndTest {

	private static final Duration DEADLINE = Duration.ofSeconds(6);

	@Test
	void aSocketThatNeverSendsConnectIsClosed() throws Exception {
		RawWebSocket ws = track(RawWebSocket.open(this.port, "/ws"));
		long start = System.nanoTime();

		assertThat(ws.awaitClose(DEADLINE)).isEqualTo(1008);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900), DEADLINE);
	}

	@Test
	void aConnectionWithoutHeartBeatsThatFallsSilentIsClosed() throws Exception {
		RawWebSocket ws = rawStomp(); // heart-beat:0,0
		ws.sendFrame("SUBSCRIBE\nid:0\ndestination:/topic/rooms\n\n");
		long start = System.nanoTime();

		assertThat(ws.awaitClose(DEADLINE)).isEqualTo(1008);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
	}

	@Test
	void halfAFrameAndThenSilenceIsClosed() throws Exception {
		RawWebSocket ws = rawStomp();

		ws.sendText("SEND\ndestination:/app/send\ncontent-length:500\n\n{\"room\":".getBytes());

		assertThat(ws.awaitClose(DEADLINE)).isEqualTo(1008);
	}

	@Test
	void aConnectionThatKeepsTalkingStaysOpen() throws Exception {
		ChatClient alex = client();
		alex.join("Alex", "general");

		for (int i = 0; i < 4; i++) {
			alex.send("/app/typing", "{\"room\":\"general\",\"typing\":false}");
			org.awaitility.Awaitility.await().pollDelay(Duration.ofMillis(900)).until(() -> true);
		}

		assertThat(alex.isConnected()).isTrue();
	}

}
