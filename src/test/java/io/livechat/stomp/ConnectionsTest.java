package io.livechat.stomp;

import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections come and go: several tabs of one person, abrupt disconnects, reconnects that
 * catch up.
 */
class ConnectionsTest extends EndToEndTest {

	@Test
	void twoTabsOfOnePersonAreOneUserWhoLeavesWithTheLastTab() {
		ChatClient sam = client();
		sam.join("Sam", "general");
		ChatClient tab1 = client("browser-of-alex-1");
		tab1.join("Alex", "general");
		ChatClient tab2 = client("browser-of-alex-1");

		JsonNode joined = tab2.join("Alex", "general");

		assertThat(joined.path("users")).extracting(JsonNode::asString).containsExactly("Alex", "Sam");
		assertThat(rooms.summaries().get(0).users()).isEqualTo(2);
		tab1.close();
		tab2.say("general", "still here");
		sam.take((r) -> r.type().equals("message") && r.body().path("text").asString().equals("still here"));
		assertThat(sam.all((r) -> r.type().equals("system") && r.body().path("event").asString().equals("left")))
			.isEmpty();
		assertThat(sam.all((r) -> r.type().equals("system") && r.body().path("event").asString().equals("joined")))
			.hasSize(2); // Sam's own and Alex's first tab; the second tab announced nothing

		tab2.close();

		JsonNode left = sam.take((r) -> r.type().equals("system") && r.body().path("event").asString().equals("left"))
			.body();
		assertThat(left.path("username").asString()).isEqualTo("Alex");
	}

	@Test
	void aClientThatVanishesWithoutClosingLeavesItsRoom() throws Exception {
		ChatClient sam = client();
		sam.join("Sam", "general");
		RawWebSocket ghost = rawStomp();
		ghost.sendFrame("SUBSCRIBE\nid:0\ndestination:/user/queue/events\n\n");
		ghost.sendFrame("SEND\ndestination:/app/join\ncontent-type:application/json\n\n"
				+ "{\"username\":\"Ghost\",\"room\":\"general\",\"clientId\":\"ghost-client-1\"}");
		assertThat(ghost.readFrame()).contains("\"type\":\"joined\"");
		sam.take((r) -> r.type().equals("users") && r.body().path("users").size() == 2);

		ghost.vanish();

		JsonNode left = sam.take((r) -> r.type().equals("system") && r.body().path("event").asString().equals("left"))
			.body();
		assertThat(left.path("username").asString()).isEqualTo("Ghost");
		assertThat(sam.take((r) -> r.type().equals("users") && r.body().path("users").size() == 1).body()
			.path("users")).extracting(JsonNode::asString).containsExactly("Sam");
		Awaitility.await().atMost(ChatClient.TIMEOUT).until(() -> rooms.summaries().get(0).users() == 1);
	}

	@Test
	void aReconnectingClientCatchesUpWithSinceWithoutGapOrDuplicate() {
		ChatClient sam = client();
		sam.join("Sam", "general");
		ChatClient alex = client("browser-of-alex-2");
		alex.join("Alex", "general");
		sam.say("general", "seen by alex");
		long lastSeen = alex.take("message").path("id").asLong();
		alex.close();

		sam.say("general", "missed 1");
		sam.say("general", "missed 2");
		Awaitility.await().atMost(ChatClient.TIMEOUT).until(() -> sam.messages("general").size() == 3);

		ChatClient again = client("browser-of-alex-2");
		again.subscribe("/user/queue/events").subscribe("/topic/general");
		again.sendJoin("Alex", "general", lastSeen);
		JsonNode joined = again.take("joined");

		assertThat(joined.path("history")).extracting((m) -> m.path("text").asString())
			.containsExactly("missed 1", "missed 2");
		assertThat(joined.path("history")).extracting((m) -> m.path("id").asLong())
			.containsExactly(lastSeen + 1, lastSeen + 2);
		assertThat(joined.path("truncated").asBoolean()).isFalse();
	}

	@Test
	void aClientThatMissedMoreThanFiftyIsToldTheHistoryIsTruncated() {
		ChatClient first = client();
		long before = ChatProtocolTest.lastId(first.join("Ann", "tech"));
		ChatClient second = client();
		second.join("Bob", "tech");
		ChatClient third = client();
		third.join("Cid", "tech");
		// 55 messages, within each sender's burst of 20
		for (int i = 0; i < 55; i++) {
			List.of(first, second, third).get(i % 3).say("tech", "m" + i);
		}
		Awaitility.await().atMost(ChatClient.TIMEOUT).until(() -> first.messages("tech").size() == 55);

		ChatClient alex = client();
		alex.subscribe("/user/queue/events").subscribe("/topic/tech");
		alex.sendJoin("Alex", "tech", before);
		JsonNode joined = alex.take("joined");

		assertThat(joined.path("history")).hasSize(50);
		assertThat(joined.path("history").get(0).path("id").asLong()).isEqualTo(before + 6);
		assertThat(joined.path("history").get(49).path("id").asLong()).isEqualTo(before + 55);
		assertThat(joined.path("truncated").asBoolean()).isTrue();
	}

	@Test
	void aBrowsersOfferToCompressIsDeclined() throws Exception {
		// as Chromium offers it: accepted, it would cost a zlib deflater and inflater per connection
		try (RawWebSocket ws = RawWebSocket.open(this.port, "/ws",
				"Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n")) {

			assertThat(ws.handshakeResponse().toLowerCase(java.util.Locale.ROOT)).doesNotContain("sec-websocket-extensions");
		}
	}

	@Test
	void theServerOffersTenSecondHeartBeats() throws Exception {
		try (RawWebSocket ws = RawWebSocket.open(this.port, "/ws")) {
			ws.sendFrame("CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:10000,10000\n\n");

			assertThat(ws.readFrame()).startsWith("CONNECTED\n").contains("heart-beat:10000,10000\n");
		}
	}

}
