package io.livechat.cluster;

import java.time.Duration;

import io.livechat.stomp.ChatClient;
import io.livechat.stomp.ServerProcess;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read positions across nodes: a read on one node reaches the room's people on the other, the
 * reader's tabs there count it, the privacy setting holds on both, a conversation's read reaches
 * both people's tabs on the other node, and a node started later knows the positions kept before.
 */
class ReadPositionsClusterIT {

	private static final Duration WITHIN = Duration.ofSeconds(10);

	@Test
	void aReadOnOneNodeShowsOnTheOtherAndCountsForTheReadersTabsThere() throws Exception {
		try (Cluster cluster = Cluster.start("a", "b"); Clients clients = new Clients()) {
			People people = People.across(cluster, clients);
			ChatClient alex = people.alex();
			ChatClient sam = people.sam();
			ChatClient samElsewhereOnA = people.samElsewhereOnA();
			long first = alex.post("general", "one");
			sam.take((r) -> r.type().equals("message") && r.body().path("id").asLong() == first);

			read(sam, "general", first);

			assertThat(takeReadOf(alex, sam.me())).as("Sam's read on B, seen by Alex on A").isEqualTo(first);
			alex.post("general", "two");
			JsonNode unread = samElsewhereOnA.take((r) -> r.type().equals("unread")
					&& r.body().toString().contains("{\"room\":\"general\",\"unread\":1}")).body();
			assertThat(unread).isNotNull();

			sam.send("/app/preferences", "{\"readReceipts\":false}");
			samElsewhereOnA.take((r) -> r.type().equals("preferences") && !r.body().path("readReceipts").asBoolean(true));
			assertThat(takeReadOf(alex, sam.me())).as("hidden on A too").isZero();
		}
	}

	@Test
	void aConversationReadOnOneNodeIsToldToBothPeoplesTabsOnTheOther() throws Exception {
		try (Cluster cluster = Cluster.start("a", "b"); Clients clients = new Clients()) {
			People people = People.across(cluster, clients);
			ChatClient alex = people.alex();
			ChatClient sam = people.sam();
			ChatClient samElsewhereOnA = people.samElsewhereOnA();
			alex.send("/app/dm", "{\"to\":\"%s\",\"text\":\"hi Sam\"}".formatted(sam.me()));
			sam.take("dm");

			sam.send("/app/dm-read", "{\"with\":\"%s\",\"id\":1}".formatted(alex.me()));

			JsonNode alexs = alex.take((r) -> r.type().equals("conversation")).body();
			assertThat(alexs.path("peerLastReadId").asLong()).as("Sam's read on B, seen by Alex on A").isEqualTo(1);
			JsonNode samsOnA = samElsewhereOnA.take((r) -> r.type().equals("conversation")).body();
			assertThat(samsOnA.path("lastReadId").asLong()).as("and by Sam's tab on A").isEqualTo(1);
			assertThat(samsOnA.path("unread").asInt()).isZero();
		}
	}

	@Test
	void aNodeStartedLaterKnowsThePositionsKeptBefore() throws Exception {
		try (Cluster cluster = Cluster.start("a"); Clients clients = new Clients()) {
			ServerProcess a = cluster.node("a");
			ChatClient alex = clients.joined(a, "Alex", "tech");
			ChatClient sam = clients.joined(a, "Sam", "tech");
			long first = alex.post("tech", "one");
			read(sam, "tech", first);
			takeReadOf(alex, sam.me());
			ServerProcess b = cluster.startNode("b");

			ChatClient samOnB = clients.connect(b, sam.clientId());
			JsonNode samsJoin = samOnB.join("Sam", "tech");
			ChatClient kim = clients.joined(b, "Kim", "tech");

			assertThat(samsJoin.path("lastRead").asLong()).isEqualTo(first);
			JsonNode kimsJoin = kim.all((r) -> r.type().equals("joined")).get(0).body();
			assertThat(kimsJoin.path("reads").toString()).contains("\"id\":\"" + sam.me() + "\"");
		}
	}

	/** Alex on node a and Sam on b, both in #general, and another tab of Sam's on a, in #random. */
	private record People(ChatClient alex, ChatClient sam, ChatClient samElsewhereOnA) {

		static People across(Cluster cluster, Clients clients) {
			ChatClient alex = clients.joined(cluster.node("a"), "Alex", "general");
			ChatClient sam = clients.joined(cluster.node("b"), "Sam", "general");
			ChatClient samElsewhereOnA = clients.connect(cluster.node("a"), sam.clientId());
			samElsewhereOnA.join("Sam", "random");
			return new People(alex, sam, samElsewhereOnA);
		}

	}

	private static void read(ChatClient client, String room, long id) {
		client.send("/app/read", "{\"room\":\"%s\",\"id\":%d}".formatted(room, id));
	}

	private static long takeReadOf(ChatClient client, String person) {
		JsonNode[] found = new JsonNode[1];
		Awaitility.await().atMost(WITHIN).until(() -> {
			found[0] = client.take((r) -> r.type().equals("reads") && r.body().toString().contains(person)).body();
			return true;
		});
		for (JsonNode read : found[0].path("reads")) {
			if (read.path("id").asString().equals(person)) {
				return read.path("lastRead").asLong();
			}
		}
		throw new AssertionError("no position of " + person + " in " + found[0]);
	}

}
