package io.livechat.stomp;

import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Direct messages as docs/protocol.md (v1.2) has them, held from outside with real STOMP clients:
 * public ids, delivery to every tab of both people and to nobody else, offline delivery, catch-up,
 * read positions, blocks and the errors.
 */
class DirectMessagesTest extends EndToEndTest {

	private static final String NOBODYS_ID = "AAAAAAAAAAAAAAAAAAAAAA";

	private static String idOf(ChatClient client) {
		return client.all((r) -> r.type().equals("joined")).get(0).body().path("me").asString();
	}

	private static void dm(ChatClient from, String to, String text) {
		from.send("/app/dm", "{\"to\":\"%s\",\"text\":%s}".formatted(to, ChatClient.quote(text)));
	}

	private static JsonNode takeDm(ChatClient client, String text) {
		return client.take((r) -> r.type().equals("dm") && r.body().path("text").asString().equals(text)).body();
	}

	private static JsonNode history(ChatClient client, String body) {
		client.send("/app/dm-history", body);
		return client.take("dm-history");
	}

	@Nested
	class PublicIds {

		@Test
		void aPersonHasOneIdOnEveryConnectionAndTheJoinedReplyAndTheListsPairItWithTheirName() {
			ChatClient alex = joined("Alex", "general");
			ChatClient secondTab = anotherTab(alex, "Alex", "tech");
			ChatClient sam = joined("Sam", "general");

			String id = idOf(alex);
			assertThat(id).matches("[A-Za-z0-9_-]{22}").doesNotContain(alex.clientId());
			assertThat(idOf(secondTab)).isEqualTo(id);
			assertThat(idOf(sam)).isNotEqualTo(id);
			JsonNode samsJoin = sam.all((r) -> r.type().equals("joined")).get(0).body();
			assertThat(samsJoin.path("members").toString()).contains("{\"id\":\"" + id + "\",\"name\":\"Alex\"}");
			assertThat(samsJoin.path("members")).extracting((member) -> member.path("name").asString())
				.containsExactly("Alex", "Sam");
			// a list names the ids of who came since the previous one only
			JsonNode list = alex.take((r) -> r.type().equals("users") && r.body().path("users").size() == 2).body();
			assertThat(list.path("joined")).extracting(JsonNode::asString).contains("Sam");
			assertThat(list.path("joinedMembers")).extracting((member) -> member.path("name").asString())
				.containsExactlyElementsOf(list.path("joined").valueStream().map(JsonNode::asString).toList());
			assertThat(list.path("joinedMembers").toString()).contains("{\"id\":\"" + idOf(sam) + "\",\"name\":\"Sam\"}");
		}

	}

	@Nested
	class Delivery {

		@Test
		void aDirectMessageReachesEveryTabOfBothPeopleAndNobodyElse() {
			ChatClient alex = joined("Alex", "general");
			ChatClient alexElsewhere = anotherTab(alex, "Alex", "random");
			ChatClient sam = joined("Sam", "tech");
			ChatClient samElsewhere = anotherTab(sam, "Sam", "general");
			ChatClient kim = joined("Kim", "general"); // in the sender's room, subscribed to all it may
			kim.subscribe("/topic/tech").subscribe("/topic/random").subscribe("/topic/rooms");
			ChatClient lee = joined("Lee", "tech"); // in the recipient's room

			dm(alex, idOf(sam), "only for Sam");

			for (ChatClient tab : List.of(alex, alexElsewhere, sam, samElsewhere)) {
				JsonNode dm = takeDm(tab, "only for Sam");
				assertThat(dm.path("id").asLong()).isEqualTo(1);
				assertThat(dm.path("from").path("id").asString()).isEqualTo(idOf(alex));
				assertThat(dm.path("from").path("name").asString()).isEqualTo("Alex");
				assertThat(dm.path("to").path("id").asString()).isEqualTo(idOf(sam));
				assertThat(dm.path("to").path("name").asString()).isEqualTo("Sam");
				assertThat(dm.path("conversation").asString()).contains(idOf(alex), idOf(sam));
			}
			// a room message sent after it reaches the others after anything the DM could have sent them
			alex.say("general", "marker");
			lee.say("tech", "marker");
			kim.take((r) -> r.type().equals("message") && r.body().path("room").asString().equals("tech"));
			kim.take((r) -> r.type().equals("message") && r.body().path("room").asString().equals("general"));
			lee.take((r) -> r.type().equals("message") && r.body().path("text").asString().equals("marker"));
			assertThat(kim.all((r) -> r.body().toString().contains("only for Sam"))).isEmpty();
			assertThat(lee.all((r) -> r.body().toString().contains("only for Sam"))).isEmpty();
		}

		@Test
		void idsFollowEachOtherInTheConversationWhoeverWrites() {
			ChatClient alex = joined("Alex", "general");
			ChatClient sam = joined("Sam", "general");

			dm(alex, idOf(sam), "one");
			takeDm(sam, "one");
			dm(sam, idOf(alex), "two");
			assertThat(takeDm(alex, "two").path("id").asLong()).isEqualTo(2);
			dm(alex, idOf(sam), "three");

			assertThat(takeDm(sam, "three").path("id").asLong()).isEqualTo(3);
		}

		@Test
		void aForgedSenderIsIgnored() {
			ChatClient alex = joined("Alex", "general");
			ChatClient sam = joined("Sam", "general");
			ChatClient kim = joined("Kim", "general");

			alex.send("/app/dm", "{\"to\":\"%s\",\"text\":\"hi\",\"from\":{\"id\":\"%s\",\"name\":\"Kim\"},\"id\":99}"
				.formatted(idOf(sam), idOf(kim)));

			JsonNode dm = takeDm(sam, "hi");
			assertThat(dm.path("from").path("id").asString()).isEqualTo(idOf(alex));
			assertThat(dm.path("from").path("name").asString()).isEqualTo("Alex");
			assertThat(dm.path("id").asLong()).isEqualTo(1);
		}

		@Test
		void someoneOfflineFindsTheMessageUnreadWhenTheyComeBack() {
			ChatClient sam = joined("Sam", "tech");
			String samsId = idOf(sam);
			String samsClient = sam.clientId();
			sam.close();
			ChatClient alex = joined("Alex", "general");

			dm(alex, samsId, "while you were away");
			takeDm(alex, "while you were away");
			ChatClient samAgain = client(samsClient);
			samAgain.join("Sam", "random");

			JsonNode list = samAgain.take("conversations").path("conversations");
			assertThat(list).hasSize(1);
			JsonNode entry = list.get(0);
			assertThat(entry.path("with").path("id").asString()).isEqualTo(idOf(alex));
			assertThat(entry.path("with").path("name").asString()).isEqualTo("Alex");
			assertThat(entry.path("with").path("online").asBoolean()).isTrue();
			assertThat(entry.path("lastId").asLong()).isEqualTo(1);
			assertThat(entry.path("lastReadId").asLong()).isZero();
			assertThat(entry.path("unread").asInt()).isEqualTo(1);
			assertThat(entry.path("last").path("text").asString()).isEqualTo("while you were away");
			JsonNode page = history(samAgain, "{\"with\":\"%s\"}".formatted(idOf(alex)));
			assertThat(page.path("messages")).extracting((m) -> m.path("text").asString())
				.containsExactly("while you were away");
			assertThat(page.path("hasMore").asBoolean()).isFalse();
		}

	}

	@Nested
	class History {

		@Test
		void sinceGivesExactlyTheMessagesAfterAnIdAndBeforePagesBack() {
			ChatClient alex = joined("Alex", "general");
			ChatClient sam = joined("Sam", "general");
			for (int i = 1; i <= 5; i++) {
				dm(alex, idOf(sam), "m" + i);
			}
			takeDm(sam, "m5");

			JsonNode since = history(sam, "{\"with\":\"%s\",\"since\":2}".formatted(idOf(alex)));
			assertThat(since.path("messages")).extracting((m) -> m.path("id").asLong()).containsExactly(3L, 4L, 5L);
			assertThat(since.path("hasMore").asBoolean()).isFalse();
			JsonNode firstPage = history(sam, "{\"with\":\"%s\",\"since\":0,\"limit\":2}".formatted(idOf(alex)));
			assertThat(firstPage.path("messages")).extracting((m) -> m.path("id").asLong()).containsExactly(1L, 2L);
			assertThat(firstPage.path("hasMore").asBoolean()).isTrue();
			JsonNode before = history(sam, "{\"with\":\"%s\",\"before\":4,\"limit\":2}".formatted(idOf(alex)));
			assertThat(before.path("messages")).extracting((m) -> m.path("id").asLong()).containsExactly(2L, 3L);
			assertThat(before.path("hasMore").asBoolean()).isTrue();
			JsonNode newest = history(sam, "{\"with\":\"%s\",\"limit\":2}".formatted(idOf(alex)));
			assertThat(newest.path("messages")).extracting((m) -> m.path("id").asLong()).containsExactly(4L, 5L);
		}

		@Test
		void readingMovesForwardOnlyAndEveryTabOfTheReaderHearsIt() {
			ChatClient alex = joined("Alex", "general");
			ChatClient sam = joined("Sam", "general");
			ChatClient samElsewhere = anotherTab(sam, "Sam", "tech");
			for (int i = 1; i <= 3; i++) {
				dm(alex, idOf(sam), "m" + i);
			}
			takeDm(samElsewhere, "m3");

			sam.send("/app/dm-read", "{\"with\":\"%s\",\"id\":2}".formatted(idOf(alex)));

			for (ChatClient tab : List.of(sam, samElsewhere)) {
				JsonNode entry = tab.take("conversation");
				assertThat(entry.path("lastReadId").asLong()).isEqualTo(2);
				assertThat(entry.path("unread").asInt()).isEqualTo(1);
			}
			sam.send("/app/dm-read", "{\"with\":\"%s\",\"id\":1}".formatted(idOf(alex)));
			assertThat(sam.take("conversation").path("lastReadId").asLong()).isEqualTo(2);
			sam.send("/app/conversations", "{}");
			JsonNode listed = sam.take((r) -> r.type().equals("conversations")
					&& r.body().path("conversations").size() == 1).body().path("conversations").get(0);
			assertThat(listed.path("unread").asInt()).isEqualTo(1);
			// the sender has read what they wrote
			alex.send("/app/conversations", "{}");
			JsonNode alexs = alex.take((r) -> r.type().equals("conversations")
					&& r.body().path("conversations").size() == 1).body().path("conversations").get(0);
			assertThat(alexs.path("lastReadId").asLong()).isEqualTo(3);
			assertThat(alexs.path("unread").asInt()).isZero();
		}

	}

	@Nested
	class Blocking {

		@Test
		void aBlockedSendersMessagesReachOnlyTheirOwnTabsAndStayHidden() {
			ChatClient alex = joined("Alex", "general");
			ChatClient sam = joined("Sam", "general");
			dm(alex, idOf(sam), "before");
			takeDm(sam, "before");

			sam.send("/app/block", "{\"user\":\"%s\",\"blocked\":true}".formatted(idOf(alex)));
			assertThat(sam.take("conversation").path("blocked").asBoolean()).isTrue();
			dm(alex, idOf(sam), "while blocked");

			assertThat(takeDm(alex, "while blocked").path("id").asLong()).isEqualTo(2); // not told
			sam.send("/app/conversations", "{}");
			assertThat(sam.take((r) -> r.type().equals("conversations") && r.body().path("conversations").isEmpty()).body()).isNotNull();
			sam.send("/app/block", "{\"user\":\"%s\",\"blocked\":false}".formatted(idOf(alex)));
			assertThat(sam.take("conversation").path("blocked").asBoolean()).isFalse();
			dm(alex, idOf(sam), "after");
			takeDm(sam, "after");
			assertThat(sam.all((r) -> r.body().toString().contains("while blocked"))).isEmpty();
			JsonNode page = history(sam, "{\"with\":\"%s\"}".formatted(idOf(alex)));
			assertThat(page.path("messages")).extracting((m) -> m.path("text").asString())
				.containsExactly("before", "after");
			assertThat(history(alex, "{\"with\":\"%s\"}".formatted(idOf(sam))).path("messages"))
				.extracting((m) -> m.path("text").asString())
				.containsExactly("before", "while blocked", "after");
		}

	}

	@Nested
	class Presence {

		@Test
		void peopleWithAConversationHearWhenTheOtherComesAndGoes() {
			ChatClient alex = joined("Alex", "general");
			ChatClient sam = joined("Sam", "tech");
			String samsClient = sam.clientId();
			dm(alex, idOf(sam), "hi");
			takeDm(sam, "hi");

			sam.close();
			JsonNode offline = alex.take((r) -> r.type().equals("presence") && !r.body().path("online").asBoolean()).body();
			assertThat(offline.path("user").asString()).isEqualTo(idOf(sam));
			assertThat(offline.path("online").asBoolean()).isFalse();
			client(samsClient).join("Sam", "tech");
			// the newest presence event says Sam is back
			Awaitility.await().atMost(ChatClient.TIMEOUT).untilAsserted(() -> {
				List<ChatClient.Received> presence = alex.all((r) -> r.type().equals("presence"));
				JsonNode newest = presence.get(presence.size() - 1).body();
				assertThat(newest.path("user").asString()).isEqualTo(idOf(sam));
				assertThat(newest.path("online").asBoolean()).isTrue();
			});
		}

	}

	@Nested
	class Refusals {

		@Test
		void eachBrokenRuleGetsItsCodeAndTheConnectionKeepsWorking() {
			ChatClient stranger = client().subscribe("/user/queue/events");
			stranger.send("/app/dm", "{\"to\":\"%s\",\"text\":\"hi\"}".formatted(NOBODYS_ID));
			assertThat(stranger.takeErrorCode()).isEqualTo("not-joined");
			ChatClient alex = joined("Alex", "general");
			ChatClient sam = joined("Sam", "general");

			dm(alex, NOBODYS_ID, "hi");
			assertThat(alex.takeErrorCode()).isEqualTo("unknown-user");
			dm(alex, "not an id", "hi");
			assertThat(alex.takeErrorCode()).isEqualTo("unknown-user");
			dm(alex, idOf(alex), "hi me");
			assertThat(alex.takeErrorCode()).isEqualTo("bad-request");
			dm(alex, idOf(sam), "   ");
			assertThat(alex.takeErrorCode()).isEqualTo("invalid-message");
			dm(alex, idOf(sam), "x".repeat(1001));
			assertThat(alex.takeErrorCode()).isEqualTo("message-too-long");
			alex.send("/app/dm-history", "{\"with\":\"%s\",\"before\":3,\"since\":1}".formatted(idOf(sam)));
			assertThat(alex.takeErrorCode()).isEqualTo("bad-request");
			alex.send("/app/dm-history", "{\"with\":\"%s\",\"limit\":101}".formatted(idOf(sam)));
			assertThat(alex.takeErrorCode()).isEqualTo("bad-request");
			alex.send("/app/block", "{\"user\":\"%s\"}".formatted(idOf(sam)));
			assertThat(alex.takeErrorCode()).isEqualTo("bad-request");

			dm(alex, idOf(sam), "still works");
			takeDm(sam, "still works");
			assertThat(sam.all((r) -> r.type().equals("dm"))).hasSize(1);
		}

	}

}
