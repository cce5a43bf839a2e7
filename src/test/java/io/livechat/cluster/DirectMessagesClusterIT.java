package io.livechat.cluster;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import io.livechat.stomp.ChatClient;
import io.livechat.stomp.ServerProcess;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Direct messages between people on different nodes: one id per person everywhere, every tab on
 * every node gets each message once and in order, nobody else gets it, a message stored just
 * before its sender's node dies still reaches the recipient on the other node, and who is online
 * is known across nodes.
 */
class DirectMessagesClusterIT {

	private static final Duration WITHIN = Duration.ofSeconds(10);

	@Test
	void messagesCrossNodesToEveryTabOfBothPeopleInOrderAndToNobodyElse() throws Exception {
		try (Cluster cluster = Cluster.start("a", "b"); Clients clients = new Clients()) {
			ServerProcess a = cluster.node("a");
			ServerProcess b = cluster.node("b");
			ChatClient alex = clients.joined(a, "Alex", "general");
			ChatClient sam = clients.joined(b, "Sam", "tech");
			remembered(alex, sam);
			ChatClient samOnA = clients.connect(a, sam.clientId());
			samOnA.join("Sam", "random");
			ChatClient kim = clients.joined(b, "Kim", "tech");
			assertThat(idOf(samOnA)).as("Sam's id on A and on B").isEqualTo(idOf(sam));

			for (int i = 1; i <= 20; i++) {
				dm(alex, idOf(sam), "m" + i);
			}

			for (ChatClient tab : List.of(sam, samOnA, alex)) {
				Awaitility.await("all 20 at a tab").atMost(WITHIN).until(() -> dms(tab).size() >= 20);
				assertThat(dms(tab)).extracting((dm) -> dm.path("id").asLong())
					.containsExactlyElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
				assertThat(dms(tab)).extracting((dm) -> dm.path("text").asString()).startsWith("m1", "m2", "m3");
			}
			dm(sam, idOf(alex), "back from B");
			Awaitility.await("the reply on A").atMost(WITHIN).until(() -> dms(alex).size() == 21);
			assertThat(dms(alex).get(20).path("id").asLong()).isEqualTo(21);
			assertThat(dms(alex).get(20).path("from").path("name").asString()).isEqualTo("Sam");
			kim.say("tech", "marker");
			kim.take((r) -> r.type().equals("message"));
			assertThat(kim.all((r) -> r.type().equals("dm"))).isEmpty();

			ChatClient alexAgain = clients.connect(a, alex.clientId());
			alexAgain.join("Alex", "general");
			JsonNode entry = alexAgain.take("conversations").path("conversations").get(0);
			assertThat(entry.path("with").path("id").asString()).isEqualTo(idOf(sam));
			assertThat(entry.path("with").path("online").asBoolean()).as("Sam, on B and A, online for Alex on A").isTrue();
			samOnA.close();
			sam.close();
			JsonNode gone = alex.take((r) -> r.type().equals("presence") && !r.body().path("online").asBoolean()).body();
			assertThat(gone.path("user").asString()).isEqualTo(idOf(sam));
			clients.connect(b, sam.clientId()).join("Sam", "tech");
			JsonNode back = alex.take((r) -> r.type().equals("presence") && r.body().path("online").asBoolean()).body();
			assertThat(back.path("user").asString()).isEqualTo(idOf(sam));
		}
	}

	@Test
	void aMessageStoredJustBeforeItsSendersNodeIsKilledStillReachesTheRecipient() throws Exception {
		try (Cluster cluster = Cluster.start("a", "b"); Clients clients = new Clients()) {
			ServerProcess a = cluster.node("a");
			ServerProcess b = cluster.node("b");
			ChatClient alex = clients.joined(a, "Alex", "general");
			ChatClient sam = clients.joined(b, "Sam", "general");
			remembered(alex, sam);

			for (int i = 1; i <= 5; i++) {
				dm(alex, idOf(sam), "last words " + i);
			}
			Awaitility.await("the five stored (Alex has them back)").atMost(WITHIN).until(() -> dms(alex).size() >= 5);
			a.kill();
			assertThat(dms(alex)).extracting((dm) -> dm.path("id").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);

			Awaitility.await("the five at Sam on B").atMost(WITHIN).until(() -> dms(sam).size() >= 5);
			assertThat(dms(sam)).extracting((dm) -> dm.path("id").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
			JsonNode gone = sam.take((r) -> r.type().equals("presence") && !r.body().path("online").asBoolean()).body();
			assertThat(gone.path("user").asString()).as("Alex, whose node was killed, offline for Sam").isEqualTo(idOf(alex));
			ChatClient alexOnB = clients.connect(b, alex.clientId());
			alexOnB.join("Alex", "general");
			alexOnB.send("/app/dm-history", "{\"with\":\"%s\",\"since\":3}".formatted(idOf(sam)));
			assertThat(alexOnB.take("dm-history").path("messages")).extracting((dm) -> dm.path("text").asString())
				.containsExactly("last words 4", "last words 5");
		}
	}

	/**
	 * Waits until each joined person is known by name in the database: a join's reply comes
	 * before that is written, and until then the other node finds them only once its view of the
	 * rooms has them (the tests write at once, from ids they take from the replies themselves).
	 * Each first join's {@code conversations} list follows the write.
	 */
	private static void remembered(ChatClient... people) {
		for (ChatClient person : people) {
			person.take("conversations");
		}
	}

	private static String idOf(ChatClient client) {
		return client.all((r) -> r.type().equals("joined")).get(0).body().path("me").asString();
	}

	private static void dm(ChatClient from, String to, String text) {
		from.send("/app/dm", "{\"to\":\"%s\",\"text\":%s}".formatted(to, ChatClient.quote(text)));
	}

	private static List<JsonNode> dms(ChatClient client) {
		return client.all((r) -> r.type().equals("dm")).stream().map(ChatClient.Received::body).toList();
	}

}
