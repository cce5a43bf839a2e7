package io.livechat.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.livechat.stomp.ChatClient;
import io.livechat.stomp.ServerProcess;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Senders on both nodes at the same moments, in one room: PostgreSQL hands out the ids, so they
 * are unique and 1..N with no gap, and every client on either node gets all N in id order.
 */
class ConcurrentSendersClusterIT {

	private static final int SENDERS_PER_NODE = 4;

	private static final int MESSAGES_PER_SENDER = 25;

	/**
	 * Each sender's pace: 10 a second stays within the send limit (a burst of 20, then 5 a
	 * second) for 25 messages; more connections, not faster ones, make the load.
	 */
	private static final Duration BETWEEN_MESSAGES = Duration.ofMillis(100);

	@Test
	void concurrentSendersOnBothNodesGetUniqueConsecutiveIds() throws Exception {
		try (Cluster cluster = Cluster.start("a", "b"); Clients clients = new Clients()) {
			ServerProcess a = cluster.node("a");
			ServerProcess b = cluster.node("b");
			Map<String, ChatClient> senders = new LinkedHashMap<>();
			for (String node : List.of("a", "b")) {
				for (int i = 1; i <= SENDERS_PER_NODE; i++) {
					String name = "Sender " + node + i;
					senders.put(name, clients.joined(cluster.node(node), name, "general"));
				}
			}
			Map<String, ChatClient> everyone = new LinkedHashMap<>(senders);
			everyone.put("Reader on A", clients.joined(a, "Reader A", "general"));
			everyone.put("Reader on B", clients.joined(b, "Reader B", "general"));

			List<String> sent = sendAllAtOnce(senders);
			int total = sent.size();

			Awaitility.await("every client has all " + total + " messages")
				.atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> everyone.forEach((who, client) -> assertThat(Seen.messageIds(client, "general"))
					.as("messages received by %s", who)
					.hasSizeGreaterThanOrEqualTo(total)));
			List<String> textsOnA = Seen.messageTexts(everyone.get("Reader on A"), "general");
			assertThat(textsOnA).as("what the reader on A received").containsExactlyInAnyOrderElementsOf(sent);
			everyone.forEach((who, client) -> {
				assertThat(Seen.messageIds(client, "general")).as("the ids %s received, in arrival order", who)
					.containsExactlyElementsOf(Seen.idsFrom(1, total));
				assertThat(Seen.messageTexts(client, "general")).as("the messages %s received, in order", who)
					.containsExactlyElementsOf(textsOnA);
				assertThat(Seen.errorCodes(client)).as("errors %s got (rate-limited means the test sent too fast)", who)
					.isEmpty();
			});

			for (Map.Entry<String, ServerProcess> node : Map.of("A", a, "B", b).entrySet()) {
				List<JsonNode> stored = NodeApi.storedMessages(node.getValue(), "general");
				assertThat(stored.stream().map((message) -> message.path("id").asLong()).toList())
					.as("the ids paged back through GET /api/rooms/general/messages on %s", node.getKey())
					.containsExactlyElementsOf(Seen.idsFrom(1, total));
				assertThat(stored.stream().map((message) -> message.path("text").asString()).toList())
					.as("the texts paged back through GET /api/rooms/general/messages on %s", node.getKey())
					.containsExactlyElementsOf(textsOnA);
			}
		}
	}

	/**
	 * Every sender sends its messages on its own thread, all of them starting together and each
	 * at {@link #BETWEEN_MESSAGES}; returns the texts sent.
	 */
	private static List<String> sendAllAtOnce(Map<String, ChatClient> senders) throws Exception {
		List<String> texts = new ArrayList<>();
		List<ScheduledExecutorService> clocks = new ArrayList<>();
		List<Future<?>> sends = new ArrayList<>();
		try {
			for (Map.Entry<String, ChatClient> sender : senders.entrySet()) {
				ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
				clocks.add(clock);
				for (int m = 1; m <= MESSAGES_PER_SENDER; m++) {
					String text = sender.getKey() + " #" + m;
					texts.add(text);
					sends.add(clock.schedule(() -> sender.getValue().say("general", text),
							m * BETWEEN_MESSAGES.toMillis(), TimeUnit.MILLISECONDS));
				}
			}
			for (Future<?> send : sends) {
				send.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			clocks.forEach(ExecutorService::shutdownNow);
		}
		return texts;
	}

}
