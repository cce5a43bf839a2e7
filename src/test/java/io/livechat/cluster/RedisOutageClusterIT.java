package io.livechat.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.livechat.stomp.ChatClient;
import io.livechat.stomp.ServerProcess;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis is the nodes' fast path, not their memory: PostgreSQL holds every message, so when Redis
 * goes away or stalls each node keeps serving its own clients, fills what the others sent from
 * PostgreSQL, and the cluster heals by itself when Redis is back, with nothing lost and nothing
 * delivered twice.
 */
class RedisOutageClusterIT {

	/** Redis's own pause, past the nodes' 1 s command timeout, so their publishes are lost. */
	private static final Duration PAUSE = Duration.ofSeconds(4);

	/** Time for a node to notice Redis coming or going (a reconnect backs off). */
	private static final Duration REDIS_NOTICED_WITHIN = Duration.ofSeconds(30);

	/** Time for a node to fill what it missed from PostgreSQL: a few catch-up intervals and slack. */
	private static final Duration FILLED_WITHIN = Duration.ofSeconds(5);

	@Test
	void afterARedisRestartTheClusterHealsWithNothingLostOrTwice() throws Exception {
		try (Cluster cluster = Cluster.start("a", "b"); Clients clients = new Clients()) {
			ServerProcess a = cluster.node("a");
			ServerProcess b = cluster.node("b");
			ChatClient alex = clients.joined(a, "Alex", "general");
			ChatClient sam = clients.joined(b, "Sam", "general");
			Map<String, ChatClient> everyone = Map.of("Alex on A", alex, "Sam on B", sam);
			awaitUsers(everyone, "Alex", "Sam");
			List<String> sent = new ArrayList<>();
			say(alex, "before the outage", sent);
			awaitEveryoneHas(everyone, sent, Duration.ofSeconds(10));

			cluster.redis().stop();
			Awaitility.await("both nodes reporting Redis down").atMost(REDIS_NOTICED_WITHIN).untilAsserted(() -> {
				for (Map.Entry<String, ServerProcess> node : Map.of("A", a, "B", b).entrySet()) {
					NodeApi.Health health = NodeApi.health(node.getValue());
					assertThat(health.httpStatus()).as("HTTP status of %s's health without Redis", node.getKey())
						.isEqualTo(200);
					assertThat(health.status()).as("status in %s's health without Redis", node.getKey())
						.isEqualTo("DEGRADED");
				}
			});
			List<String> fromA = List.of("during the outage, from A 1", "during the outage, from A 2");
			List<String> fromB = List.of("during the outage, from B 1", "during the outage, from B 2");
			fromA.forEach((text) -> say(alex, text, sent));
			fromB.forEach((text) -> say(sam, text, sent));
			Awaitility.await("each node serving its own clients without Redis").atMost(FILLED_WITHIN).untilAsserted(() -> {
				assertThat(Seen.messageTexts(alex, "general")).as("what Alex on A received").containsAll(fromA);
				assertThat(Seen.messageTexts(sam, "general")).as("what Sam on B received").containsAll(fromB);
			});

			cluster.redis().startAgain();
			Awaitility.await("both nodes UP again").atMost(REDIS_NOTICED_WITHIN).untilAsserted(() -> {
				for (Map.Entry<String, ServerProcess> node : Map.of("A", a, "B", b).entrySet()) {
					NodeApi.Health health = NodeApi.health(node.getValue());
					assertThat(health.status()).as("status in %s's health once Redis is back", node.getKey())
						.isEqualTo("UP");
					assertThat(health.httpStatus()).as("HTTP status of %s's health once Redis is back", node.getKey())
						.isEqualTo(200);
				}
			});
			awaitEveryoneHas(everyone, sent, FILLED_WITHIN);
			say(alex, "after the outage, from A", sent);
			say(sam, "after the outage, from B", sent);
			awaitEveryoneHas(everyone, sent, Duration.ofSeconds(10));

			Awaitility.await("presence rebuilt in the new Redis").atMost(REDIS_NOTICED_WITHIN).untilAsserted(() -> {
				assertThat(NodeApi.usersIn(a, "general")).as("#general's count on A").isEqualTo(2);
				assertThat(NodeApi.usersIn(b, "general")).as("#general's count on B").isEqualTo(2);
			});
			awaitUsers(everyone, "Alex", "Sam");
			ChatClient lee = clients.connect(b);
			assertThat(Seen.names(lee.join("Lee", "general").path("users"))).as("the users in Lee's joined reply on B")
				.containsExactly("Alex", "Lee", "Sam");
			Awaitility.await("Lee's arrival on B announced on A").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				assertThat(Seen.announced(alex, "general", "joined")).as("users announced as joined to Alex on A")
					.contains("Lee");
				assertThat(Seen.latestUsers(alex, "general")).as("the users as Alex on A sees them")
					.containsExactly("Alex", "Lee", "Sam");
			});

			assertEveryoneGotEachMessageOnceInIdOrder(everyone, sent);
		}
	}

	@Test
	void messagesSentWhileRedisIsPausedReachTheOtherNodeOnceEachAndInOrder() throws Exception {
		try (Cluster cluster = Cluster.start("a", "b"); Clients clients = new Clients()) {
			ServerProcess a = cluster.node("a");
			ServerProcess b = cluster.node("b");
			ChatClient alex = clients.joined(a, "Alex", "general");
			Map<String, ChatClient> onB = Map.of("Sam on B", clients.joined(b, "Sam", "general"), "Lee on B",
					clients.joined(b, "Lee", "general"));
			awaitUsers(onB, "Alex", "Lee", "Sam");
			List<String> sent = new ArrayList<>();
			say(alex, "before the pause", sent);
			awaitEveryoneHas(onB, sent, Duration.ofSeconds(10));

			cluster.redis().pauseAllClients(PAUSE);
			long pauseEnds = System.nanoTime() + PAUSE.toNanos();
			for (int i = 1; i <= 5; i++) {
				say(alex, "during the pause " + i, sent);
			}
			awaitEveryoneHas(onB, sent, PAUSE.plus(FILLED_WITHIN));

			// Publishes Redis held during the pause may still come out when it ends: B must drop them
			Awaitility.await("the pause over").atMost(PAUSE.plusSeconds(1)).until(() -> System.nanoTime() > pauseEnds);
			say(alex, "after the pause", sent);
			awaitEveryoneHas(onB, sent, Duration.ofSeconds(10));

			assertEveryoneGotEachMessageOnceInIdOrder(onB, sent);
			assertEveryoneGotEachMessageOnceInIdOrder(Map.of("Alex on A", alex), sent);
		}
	}

	private static void say(ChatClient client, String text, List<String> sent) {
		client.say("general", text);
		sent.add(text);
	}

	private static void awaitUsers(Map<String, ChatClient> clients, String... users) {
		Awaitility.await("users " + List.of(users) + " on every client").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			clients.forEach((who, client) -> assertThat(Seen.latestUsers(client, "general"))
				.as("the users as %s sees them", who)
				.containsExactly(users));
		});
	}

	private static void awaitEveryoneHas(Map<String, ChatClient> clients, List<String> texts, Duration within) {
		Awaitility.await("every client has all " + texts.size() + " messages").atMost(within).untilAsserted(() -> {
			clients.forEach((who, client) -> assertThat(Seen.messageTexts(client, "general"))
				.as("what %s received", who)
				.containsAll(texts));
		});
	}

	/** Each client got every message sent, once, with ids 1..N in arrival order. */
	private static void assertEveryoneGotEachMessageOnceInIdOrder(Map<String, ChatClient> clients, List<String> sent) {
		clients.forEach((who, client) -> {
			assertThat(Seen.messageTexts(client, "general")).as("what %s received", who)
				.containsExactlyInAnyOrderElementsOf(sent);
			assertThat(Seen.messageIds(client, "general")).as("the ids %s received, in arrival order", who)
				.containsExactlyElementsOf(Seen.idsFrom(1, sent.size()));
		});
	}

}
