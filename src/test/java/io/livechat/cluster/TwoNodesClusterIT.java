package io.livechat.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.livechat.stomp.ChatClient;
import io.livechat.stomp.ChatClient.Received;
import io.livechat.stomp.ServerProcess;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one Redis and one PostgreSQL schema are one chat: whichever node a client is
 * connected to, it gets the same messages in the same order, the same users and the same counts,
 * and a name is taken on every node at once. The tests share the two nodes; each uses a room or
 * names of its own.
 */
class TwoNodesClusterIT {

	private static final Duration SETTLES_WITHIN = Duration.ofSeconds(10);

	private static Cluster cluster;

	private static ServerProcess a;

	private static ServerProcess b;

	@BeforeAll
	static void startTwoNodes() throws Exception {
		cluster = Cluster.start("a", "b");
		a = cluster.node("a");
		b = cluster.node("b");
	}

	@AfterAll
	static void stopThem() throws Exception {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void messagesSentOnBothNodesReachEveryoneInOneOrderWithConsecutiveIds() {
		try (Clients clients = new Clients()) {
			Map<String, ChatClient> everyone = new LinkedHashMap<>();
			everyone.put("Alex on A", clients.joined(a, "Alex", "general"));
			everyone.put("Kim on A", clients.joined(a, "Kim", "general"));
			everyone.put("Sam on B", clients.joined(b, "Sam", "general"));
			everyone.put("Lee on B", clients.joined(b, "Lee", "general"));

			List<String> sent = new ArrayList<>();
			for (int round = 1; round <= 3; round++) {
				for (Map.Entry<String, ChatClient> sender : everyone.entrySet()) {
					String text = "round " + round + " from " + sender.getKey();
					sender.getValue().say("general", text);
					sent.add(text);
				}
			}

			awaitEveryoneReceived(everyone, sent.size());
			List<String> textsOnA = Seen.messageTexts(everyone.get("Alex on A"), "general");
			assertThat(textsOnA).as("what Alex on A received").containsExactlyInAnyOrderElementsOf(sent);
			everyone.forEach((who, client) -> {
				List<Long> ids = Seen.messageIds(client, "general");
				assertThat(ids).as("the ids %s received, in arrival order", who)
					.containsExactlyElementsOf(Seen.idsFrom(ids.get(0), ids.get(0) + sent.size() - 1));
				assertThat(Seen.messageTexts(client, "general")).as("the messages %s received, in order", who)
					.containsExactlyElementsOf(textsOnA);
			});
		}
	}

	@Test
	void someoneTypingOnOneNodeIsShownOnTheOther() {
		try (Clients clients = new Clients()) {
			ChatClient tia = clients.joined(a, "Tia", "random");
			ChatClient rey = clients.joined(b, "Rey", "random");

			tia.send("/app/typing", "{\"room\":\"random\",\"typing\":true}");

			JsonNode typing = rey.take("typing");
			assertThat(typing.path("username").asString()).as("who is typing, as Rey on B hears it").isEqualTo("Tia");
			assertThat(typing.path("typing").asBoolean()).isTrue();
		}
	}

	@Test
	void usersListsAndRoomCountsAreTheSameOnBothNodes() {
		try (Clients clients = new Clients()) {
			ChatClient alex = clients.connect(a).subscribe("/topic/rooms");
			alex.join("Alex", "tech");
			ChatClient kim = clients.joined(a, "Kim", "tech");
			ChatClient sam = clients.connect(b).subscribe("/topic/rooms");
			sam.join("Sam", "tech");
			ChatClient lee = clients.joined(b, "Lee", "tech");
			Map<String, ChatClient> everyone = Map.of("Alex on A", alex, "Kim on A", kim, "Sam on B", sam, "Lee on B", lee);

			Awaitility.await("the same users list on every client").atMost(SETTLES_WITHIN).untilAsserted(() -> {
				everyone.forEach((who, client) -> assertThat(Seen.latestUsers(client, "tech"))
					.as("the users of #tech as %s sees them", who)
					.containsExactly("Alex", "Kim", "Lee", "Sam"));
			});
			Awaitility.await("the same room list on /topic/rooms on both nodes").atMost(SETTLES_WITHIN).untilAsserted(() -> {
				JsonNode onA = Seen.latestRoomList(alex);
				assertThat(onA).as("a room list pushed to Alex on A").isNotNull();
				assertThat(Seen.usersIn(onA, "tech")).as("#tech's count pushed on A").isEqualTo(4);
				assertThat(Seen.latestRoomList(sam)).as("the room list pushed on B, against the one on A").isEqualTo(onA);
			});
			Awaitility.await("the same GET /api/rooms on both nodes").atMost(SETTLES_WITHIN).untilAsserted(() -> {
				assertThat(NodeApi.usersIn(a, "tech")).as("#tech's count in GET /api/rooms on A").isEqualTo(4);
				assertThat(NodeApi.rooms(b)).as("GET /api/rooms on B, against A's").isEqualTo(NodeApi.rooms(a));
			});
		}
	}

	@Test
	void aNameHeldOnOneNodeIsTakenForAnotherClientOnTheOther() {
		try (Clients clients = new Clients()) {
			ChatClient morgan = clients.joined(a, "Morgan", "random");
			ChatClient other = clients.connect(b).subscribe("/user/queue/events").subscribe("/topic/random");

			assertRefusedAsTaken(other, "Morgan", "another clientId on B joining as Morgan, held on A");
			assertRefusedAsTaken(other, "MORGAN", "another clientId on B joining as MORGAN (names compare ignoring case)");

			Awaitility.await("Morgan alone in #random").atMost(SETTLES_WITHIN).untilAsserted(() -> {
				assertThat(Seen.latestUsers(morgan, "random")).as("the users of #random as Morgan sees them")
					.containsExactly("Morgan");
				assertThat(NodeApi.usersIn(b, "random")).as("#random's count on B").isEqualTo(1);
			});
		}
	}

	@Test
	void aNameIsFreeOnEveryNodeOnceItsHolderLeaves() {
		try (Clients clients = new Clients()) {
			ChatClient holder = clients.joined(a, "Quinn", "random");
			ChatClient next = clients.connect(b).subscribe("/user/queue/events").subscribe("/topic/random");
			assertRefusedAsTaken(next, "Quinn", "joining on B as Quinn while A's client holds the name");

			holder.close();

			Awaitility.await("joining on B as Quinn once A's Quinn has left")
				.atMost(SETTLES_WITHIN)
				.pollInterval(Duration.ofSeconds(1)) // joins are limited to 1 a second after a burst of 10
				.until(() -> {
					return replyToJoin(next, "Quinn").type().equals("joined");
				});
		}
	}

	@Test
	void theSameClientIdOnBothNodesIsOneUser() {
		try (Clients clients = new Clients()) {
			ChatClient watcher = clients.joined(b, "Watcher", "random");
			ChatClient robinOnA = clients.connect(a, "robin-browser-0001");
			robinOnA.join("Robin", "random");
			ChatClient robinOnB = clients.connect(b, "robin-browser-0001")
				.subscribe("/user/queue/events")
				.subscribe("/topic/random");
			Received reply = replyToJoin(robinOnB, "Robin");
			assertThat(reply.type()).as("the reply to Robin's second tab, on B, joining under the name its first tab "
					+ "holds on A: %s", reply.body()).isEqualTo("joined");

			Awaitility.await("Robin listed and counted once").atMost(SETTLES_WITHIN).untilAsserted(() -> {
				assertThat(Seen.latestUsers(watcher, "random")).as("the users as Watcher on B sees them")
					.containsExactly("Robin", "Watcher");
				assertThat(Seen.latestUsers(robinOnA, "random")).as("the users as Robin's tab on A sees them")
					.containsExactly("Robin", "Watcher");
				assertThat(Seen.latestUsers(robinOnB, "random")).as("the users as Robin's tab on B sees them")
					.containsExactly("Robin", "Watcher");
				assertThat(NodeApi.usersIn(a, "random")).as("#random's count on A").isEqualTo(2);
				assertThat(NodeApi.usersIn(b, "random")).as("#random's count on B").isEqualTo(2);
			});
			assertThat(Collections.frequency(Seen.announced(watcher, "random", "joined"), "Robin"))
				.as("times Robin's joining was announced to Watcher").isEqualTo(1);

			robinOnA.close();
			Awaitility.await("Robin still there with the tab on B")
				.during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> {
					assertThat(Seen.announced(watcher, "random", "left")).as("users announced as left to Watcher")
						.doesNotContain("Robin");
					assertThat(NodeApi.usersIn(a, "random")).as("#random's count on A").isEqualTo(2);
				});

			robinOnB.close();
			Awaitility.await("Robin gone with the last tab").atMost(SETTLES_WITHIN).untilAsserted(() -> {
				assertThat(Seen.announced(watcher, "random", "left")).as("users announced as left to Watcher")
					.containsOnlyOnce("Robin");
				assertThat(Seen.latestUsers(watcher, "random")).as("the users as Watcher sees them")
					.containsExactly("Watcher");
				assertThat(NodeApi.usersIn(a, "random")).as("#random's count on A").isEqualTo(1);
			});
		}
	}

	@Test
	void aMessageSentAgainThroughTheOtherNodeIsStoredOnceAndAcknowledgedWithItsFirstId() throws Exception {
		try (Clients clients = new Clients()) {
			ChatClient uma = clients.joined(a, "Uma", "random");
			ChatClient ode = clients.joined(b, "Ode", "random");
			uma.take("conversations"); // both are stored by name: direct messages may go between them
			ode.take("conversations");
			String send = "{\"room\":\"random\",\"text\":\"once on either node\",\"clientMsgId\":\"uma-cluster-0001\"}";
			String dm = "{\"to\":\"%s\",\"text\":\"once, privately\",\"clientMsgId\":\"uma-cluster-0002\"}".formatted(ode.me());
			uma.send("/app/send", send);
			uma.send("/app/dm", dm);
			long stored = ackOf(uma, "uma-cluster-0001").path("id").asLong();
			long storedDm = ackOf(uma, "uma-cluster-0002").path("id").asLong();
			uma.close(); // the acks were lost, say: the page sends both again, through the other node

			ChatClient umaOnB = clients.connect(b, uma.clientId());
			umaOnB.join("Uma", "random");
			umaOnB.send("/app/send", send);
			umaOnB.send("/app/dm", dm);

			assertThat(ackOf(umaOnB, "uma-cluster-0001").path("id").asLong()).isEqualTo(stored);
			assertThat(ackOf(umaOnB, "uma-cluster-0002").path("id").asLong()).isEqualTo(storedDm);
			umaOnB.say("random", "marker");
			ode.take((r) -> r.type().equals("message") && r.body().path("text").asString().equals("marker"));
			assertThat(Seen.messageTexts(ode, "random")).as("what Ode on B received")
				.containsOnlyOnce("once on either node")
				.endsWith("marker");
			assertThat(ode.all((r) -> r.type().equals("dm"))).hasSize(1);
			assertThat(NodeApi.storedMessages(a, "random").stream().map((m) -> m.path("text").asString()))
				.as("stored once").containsOnlyOnce("once on either node");
		}
	}

	private static JsonNode ackOf(ChatClient client, String clientMsgId) {
		return client.take((r) -> r.type().equals("ack") && r.body().path("clientMsgId").asString().equals(clientMsgId))
			.body();
	}

	private static void awaitEveryoneReceived(Map<String, ChatClient> everyone, int count) {
		Awaitility.await("every client has all " + count + " messages").atMost(SETTLES_WITHIN).untilAsserted(() -> {
			everyone.forEach((who, client) -> assertThat(Seen.messageIds(client, "general"))
				.as("messages received by %s", who)
				.hasSizeGreaterThanOrEqualTo(count));
		});
	}

	/** Joins #random as {@code username} and waits for the reply: {@code joined} or {@code error}. */
	private static Received replyToJoin(ChatClient client, String username) {
		client.sendJoin(username, "random", null);
		return client.take((received) -> received.type().equals("joined") || received.type().equals("error"));
	}

	private static void assertRefusedAsTaken(ChatClient client, String username, String what) {
		JsonNode reply = replyToJoin(client, username).body();
		assertThat(reply.path("code").asString()).as("the reply to %s: %s", what, reply).isEqualTo("username-taken");
	}

}
