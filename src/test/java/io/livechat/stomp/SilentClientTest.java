package io.livechat.stomp;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client whose socket stays open but says nothing more (a laptop that went to sleep, a
 * dropped mobile network) is noticed by its missing heart-beats and leaves its room.
 */
@TestPropertySource(properties = "livechat.heartbeat=1s")
class SilentClientTest extends EndToEndTest {

	@Test
	void aClientWhoseHeartBeatsStopLeavesWithinThreeHeartBeats() throws Exception {
		ChatClient sam = client();
		sam.join("Sam", "general");
		RawWebSocket sleeper = track(RawWebSocket.open(this.port, "/ws"));
		sleeper.sendFrame("CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:1000,1000\n\n");
		assertThat(sleeper.readFrame()).startsWith("CONNECTED\n").contains("heart-beat:1000,1000");
		sleeper.sendFrame("SEND\ndestination:/app/join\n\n"
				+ "{\"username\":\"Sleeper\",\"room\":\"general\",\"clientId\":\"sleeper-client\"}");
		sam.take((r) -> r.type().equals("users") && r.body().path("users").size() == 2);
		long silentSince = System.nanoTime();

		// from now on the sleeper sends nothing, not even heart-beats, and keeps its socket open

		JsonNode left = sam.take((r) -> r.type().equals("system") && r.body().path("event").asString().equals("left"))
			.body();
		long silentMillis = (System.nanoTime() - silentSince) / 1_000_000;
		assertThat(left.path("username").asString()).isEqualTo("Sleeper");
		assertThat(silentMillis).isBetween(1_000L, 8_000L);
		assertThat(sleeper.awaitClose(ChatClient.TIMEOUT)).isNotZero();
	}

}
