package io.livechat.cluster;

import java.time.Duration;
import java.util.List;

import io.livechat.stomp.ChatClient;
import io.livechat.stomp.ServerProcess;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node killed with SIGKILL says nothing to anyone: the survivor finds out when the node's
 * heartbeat stops, announces its users as gone, and takes its clients back where they left off.
 */
class NodeCrashClusterIT {

	/** The node timeout, a heartbeat, and some slack. */
	private static final Duration DEAD_NODE_NOTICED_WITHIN = Cluster.NODE_TIMEOUT.plusSeconds(5);

	@Test
	void usersOnlyOnAKilledNodeLeaveAndItsClientsCatchUpExactlyOnTheSurvivor() throws Exception {
		try (Cluster cluster = Cluster.start("a", "b"); Clients clients = new Clients()) {
			ServerProcess a = cluster.node("a");
			ServerProcess b = cluster.node("b");
			ChatClient sam = clients.joined(b, "Sam", "general");
			ChatClient alex = clients.joined(a, "Alex", "general");
			clients.joined(a, "Kim", "general");
			clients.connect(a, "robin-browser-0001").join("Robin", "general"); // Robin has a tab on each node
			ChatClient robinOnB = clients.connect(b, "robin-browser-0001");
			robinOnB.join("Robin", "general");
			Awaitility.await("everyone in #general as Sam on B sees it").atMost(Duration.ofSeconds(10)).untilAsserted(
					() -> assertThat(Seen.latestUsers(sam, "general")).containsExactly("Alex", "Kim", "Robin", "Sam"));

			alex.say("general", "before the crash, from A");
			sam.say("general", "before the crash, from B");
			Awaitility.await("Alex on A has both messages").atMost(Duration.ofSeconds(10))
				.until(() -> Seen.messageIds(alex, "general").size() == 2);
			List<Long> alexSaw = Seen.messageIds(alex, "general");
			long alexLastId = alexSaw.get(alexSaw.size() - 1);

			a.kill();
			List<String> sentWhileAIsDown = List.of("while A is down 1", "while A is down 2", "while A is down 3");
			sentWhileAIsDown.forEach((text) -> sam.say("general", text));

			Awaitility.await("B announcing A's users as gone").atMost(DEAD_NODE_NOTICED_WITHIN).untilAsserted(() -> {
				assertThat(Seen.announced(sam, "general", "left")).as("users announced as left to Sam on B")
					.contains("Alex", "Kim");
				assertThat(Seen.latestUsers(sam, "general")).as("the users as Sam on B sees them")
					.containsExactly("Robin", "Sam");
				assertThat(Seen.latestUsers(robinOnB, "general")).as("the users as Robin's tab on B sees them")
					.containsExactly("Robin", "Sam");
				assertThat(NodeApi.usersIn(b, "general")).as("#general's count on B").isEqualTo(2);
			});
			assertThat(Seen.announced(sam, "general", "left")).as("users announced as left to Sam on B")
				.containsOnlyOnce("Alex", "Kim")
				.doesNotContain("Robin");

			ChatClient alexOnB = clients.connect(b, alex.clientId())
				.subscribe("/user/queue/events")
				.subscribe("/topic/general");
			alexOnB.sendJoin("Alex", "general", alexLastId);
			JsonNode joined = alexOnB.take("joined");
			List<JsonNode> missed = joined.path("history").valueStream().toList();
			assertThat(missed.stream().map((message) -> message.path("id").asLong()).toList())
				.as("the ids in the history Alex got on B with since=%d", alexLastId)
				.containsExactlyElementsOf(Seen.idsFrom(alexLastId + 1, alexLastId + sentWhileAIsDown.size()));
			assertThat(missed.stream().map((message) -> message.path("text").asString()).toList())
				.as("the history Alex got on B with since=%d", alexLastId)
				.containsExactlyElementsOf(sentWhileAIsDown);
			assertThat(joined.path("truncated").asBoolean()).as("history truncated").isFalse();

			sam.say("general", "welcome back");
			Awaitility.await("the next message reaching Alex on B").atMost(Duration.ofSeconds(10))
				.until(() -> !alexOnB.messages("general").isEmpty());
			assertThat(Seen.messageIds(alexOnB, "general")).as("the ids Alex got on B's topic after the history")
				.containsExactly(alexLastId + sentWhileAIsDown.size() + 1);
		}
	}

	@Test
	void aNodeRestartedUnderItsIdClearsWhatItsPreviousRunLeftAtOnce() throws Exception {
		Duration longTimeout = Duration.ofSeconds(60);
		try (Cluster cluster = Cluster.start(longTimeout, "a", "b"); Clients clients = new Clients()) {
			ChatClient sam = clients.joined(cluster.node("b"), "Sam", "tech");
			clients.joined(cluster.node("a"), "Alex", "tech");
			Awaitility.await("Alex and Sam in #tech as Sam on B sees it").atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(Seen.latestUsers(sam, "tech")).containsExactly("Alex", "Sam"));

			cluster.node("a").kill();
			long restarted = System.nanoTime();
			cluster.startNode("a");

			Awaitility.await("B announcing Alex as gone once A is back").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				assertThat(Seen.announced(sam, "tech", "left")).as("users announced as left to Sam on B")
					.containsExactly("Alex");
				assertThat(Seen.latestUsers(sam, "tech")).as("the users as Sam on B sees them").containsExactly("Sam");
			});
			assertThat(Duration.ofNanos(System.nanoTime() - restarted)).as("well before the node timeout")
				.isLessThan(longTimeout.dividedBy(2));
		}
	}

	@Test
	void theUsersOfANodeStoppedGracefullyLeaveOnceOnTheOthers() throws Exception {
		try (Cluster cluster = Cluster.start("a", "b"); Clients clients = new Clients()) {
			ChatClient sam = clients.joined(cluster.node("b"), "Sam", "random");
			clients.joined(cluster.node("a"), "Alex", "random");
			Awaitility.await("Alex and Sam in #random as Sam on B sees it").atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(Seen.latestUsers(sam, "random")).containsExactly("Alex", "Sam"));

			cluster.node("a").terminate(); // SIGTERM, as a platform replacing an instance
			assertThat(cluster.node("a").awaitExit(Duration.ofSeconds(30))).as("a's exit code").isNotNull();

			Awaitility.await("B announcing Alex as gone").atMost(Duration.ofSeconds(10)).untilAsserted(
					() -> assertThat(Seen.latestUsers(sam, "random")).as("the users as Sam sees them").containsExactly("Sam"));
			Thread.sleep(Cluster.CATCH_UP_INTERVAL.multipliedBy(4).toMillis()); // anything late would be here by now
			assertThat(Seen.announced(sam, "random", "left")).as("users announced as left to Sam on B")
				.containsExactly("Alex");
		}
	}

}
