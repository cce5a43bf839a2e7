package io.livechat.stomp;

import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read positions as docs/protocol.md (v1.3) has them, held from outside with real STOMP clients:
 * per person and forward only, coalesced to the room, kept from anyone outside it, the privacy
 * setting both ways, and the unread counts of the other rooms.
 */
class ReadPositionsTest extends EndToEndTest {

	private static void read(ChatClient client, String room, long id) {
		client.send("/app/read", "{\"room\":\"%s\",\"id\":%d}".formatted(room, id));
	}

	/** The next {@code reads} event that names {@code person}: their position in it. */
	private static long takeReadOf(ChatClient client, String person) {
		JsonNode reads = client.take((r) -> r.type().equals("reads") && positionIn(r.body(), person) >= 0).body();
		return positionIn(reads, person);
	}

	private static long positionIn(JsonNode event, String person) {
		for (JsonNode read : event.path("reads")) {
			if (read.path("id").asString().equals(person)) {
				return read.path("lastRead").asLong();
			}
		}
		return -1;
	}

	private static List<JsonNode> readsNaming(ChatClient client, String person) {
		return client.all((r) -> r.type().equals("reads") && positionIn(r.body(), person) >= 0)
			.stream()
			.map(ChatClient.Received::body)
			.toList();
	}

	/** Waits until a message sent after everything before it came back: what the server sent before is here. */
	private static void settle(ChatClient client, String room) {
		client.post(room, "settle " + System.nanoTime());
	}

	@Nested
	class Positions {

		@Test
		void aReadReachesTheOthersInTheRoomWithTheReadersNameAndId() {
			ChatClient alex = joined("Alex", "general");
			ChatClient sam = joined("Sam", "general");
			long first = alex.post("general", "one");

			read(sam, "general", first);

			JsonNode reads = alex.take((r) -> r.type().equals("reads") && positionIn(r.body(), sam.me()) >= 0).body();
			assertThat(reads.path("room").asString()).isEqualTo("general");
			assertThat(reads.path("reads").toString())
				.contains("{\"id\":\"" + sam.me() + "\",\"name\":\"Sam\",\"lastRead\":" + first + "}");
		}

		@Test
		void aPositionOnlyMovesForwardAndNeverPastTheRoomsNewestMessage() {
			ChatClient alex = joined("Alex", "general");
			ChatClient sam = joined("Sam", "general");
			long first = alex.post("general", "one");
			long second = alex.post("general", "two");

			read(sam, "general", second);
			assertThat(takeReadOf(alex, sam.me())).isEqualTo(second);
			read(sam, "general", first); // lower: ignored
			read(sam, "general", second + 1_000_000); // beyond the newest: the newest
			ChatClient later = joined("Kim", "general");

			JsonNode joined = later.all((r) -> r.type().equals("joined")).get(0).body();
			assertThat(positionIn(joined, sam.me())).isEqualTo(second);
			settle(alex, "general");
			assertThat(readsNaming(alex, sam.me())).extracting((event) -> positionIn(event, sam.me()))
				.containsOnly(second);
		}

		@Test
		void aPositionBelongsToThePersonEveryTabOfTheirsAgrees() {
			ChatClient alex = joined("Alex", "general");
			ChatClient sam = joined("Sam", "general");
			long first = alex.post("general", "one");
			read(sam, "general", first);
			takeReadOf(alex, sam.me());

			ChatClient samsOtherTab = anotherTab(sam, "Sam", "general");

			JsonNode joined = samsOtherTab.all((r) -> r.type().equals("joined")).get(0).body();
			assertThat(joined.path("lastRead").asLong()).isEqualTo(first);
			assertThat(positionIn(joined, alex.me())).isEqualTo(-1); // Alex has read nothing yet
			assertThat(positionIn(joined, sam.me())).as("your own is lastRead, not in reads").isEqualTo(-1);
		}

		@Test
		void aReconnectingPersonGetsTheirPositionBack() {
			ChatClient alex = joined("Alex", "general");
			ChatClient sam = joined("Sam", "general");
			long first = alex.post("general", "one");
			read(sam, "general", first);
			takeReadOf(alex, sam.me());
			String clientId = sam.clientId();
			sam.close();

			ChatClient back = client(clientId);
			JsonNode joined = back.join("Sam", "general");

			assertThat(joined.path("lastRead").asLong()).isEqualTo(first);
		}

		@Test
		void twentyReadsWithinAnIntervalAreAFewEventsNotOneEach() {
			ChatClient watcher = joined("Watcher", "random");
			List<ChatClient> readers = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				readers.add(joined("Reader" + i, "random"));
			}
			long id = watcher.post("random", "read me");
			readers.forEach((reader) -> read(reader, "random", id));

			Awaitility.await().atMost(ChatClient.TIMEOUT).until(() -> readers.stream()
				.allMatch((reader) -> !readsNaming(watcher, reader.me()).isEmpty()));
			List<ChatClient.Received> events = watcher.all((r) -> r.type().equals("reads"));
			assertThat(events).hasSizeLessThanOrEqualTo(5);
			assertThat(events.stream().mapToInt((r) -> r.body().path("reads").size()).sum()).isEqualTo(20);
		}

	}

	@Nested
	class Audience {

		@Test
		void nobodyOutsideTheRoomHearsItsReadsEvenSubscribedToItsTopic() {
			ChatClient alex = joined("Alex", "general");
			ChatClient sam = joined("Sam", "general");
			ChatClient kim = joined("Kim", "tech");
			kim.subscribe("/topic/general");
			long first = alex.post("general", "one");
			kim.take((r) -> r.type().equals("message") && r.body().path("id").asLong() == first);

			read(sam, "general", first);

			takeReadOf(alex, sam.me());
			settle(alex, "general");
			kim.take((r) -> r.type().equals("message") && r.body().path("text").asString().startsWith("settle"));
			assertThat(kim.all((r) -> r.type().equals("reads"))).isEmpty();
		}

		@Test
		void aReadForARoomNotJoinedIsRefusedAndChangesNothing() {
			ChatClient alex = joined("Alex", "general");
			ChatClient sam = joined("Sam", "general");
			long first = alex.post("general", "one");

			read(sam, "tech", first);
			assertThat(sam.takeErrorCode()).isEqualTo("not-joined");
			sam.send("/app/read", "{\"room\":\"general\"}");
			assertThat(sam.takeErrorCode()).isEqualTo("bad-request");
			read(sam, "general", 0);
			assertThat(sam.takeErrorCode()).isEqualTo("bad-request");

			settle(alex, "general");
			assertThat(readsNaming(alex, sam.me())).isEmpty();
		}

	}

	@Nested
	class Privacy {

		private static void receipts(ChatClient client, boolean on) {
			client.send("/app/preferences", "{\"readReceipts\":" + on + "}");
		}

		@Test
		void someoneWhoTurnsReceiptsOffIsShownToNobodyAndSeesNobody() {
			ChatClient alex = joined("Alex", "general");
			ChatClient sam = joined("Sam", "general");
			ChatClient samsOtherTab = anotherTab(sam, "Sam", "general");
			long first = alex.post("general", "one");
			read(sam, "general", first);
			assertThat(takeReadOf(alex, sam.me())).isEqualTo(first);

			receipts(sam, false);

			assertThat(sam.take((r) -> r.type().equals("preferences") && !r.body().path("readReceipts").asBoolean(true))
				.body()
				.path("readReceipts")
				.asBoolean()).isFalse();
			samsOtherTab.take((r) -> r.type().equals("preferences") && !r.body().path("readReceipts").asBoolean(true));
			assertThat(takeReadOf(alex, sam.me())).as("hidden from now on").isZero();
			// their reads still move their position, but show to nobody
			long second = alex.post("general", "two");
			read(sam, "general", second);
			// and they see nobody's
			ChatClient kim = joined("Kim", "general");
			read(alex, "general", second);
			assertThat(takeReadOf(kim, alex.me())).isEqualTo(second);
			settle(alex, "general");
			settle(sam, "general");
			assertThat(readsNaming(alex, sam.me())).hasSize(2); // the first read, then the hiding
			assertThat(sam.all((r) -> r.type().equals("reads") && positionIn(r.body(), alex.me()) >= 0)).isEmpty();
			JsonNode kimsJoin = kim.all((r) -> r.type().equals("joined")).get(0).body();
			assertThat(positionIn(kimsJoin, sam.me())).isEqualTo(-1);
			ChatClient samsThirdTab = anotherTab(sam, "Sam", "general");
			JsonNode samsJoin = samsThirdTab.all((r) -> r.type().equals("joined")).get(0).body();
			assertThat(samsJoin.path("lastRead").asLong()).isEqualTo(second);
			assertThat(samsJoin.path("reads")).isEmpty();
			assertThat(samsThirdTab.take("preferences").path("readReceipts").asBoolean(true)).isFalse();
		}

		@Test
		void turningReceiptsBackOnShowsTheirPositionAgain() {
			ChatClient alex = joined("Alex", "general");
			ChatClient sam = joined("Sam", "general");
			long first = alex.post("general", "one");
			receipts(sam, false);
			sam.take((r) -> r.type().equals("preferences") && !r.body().path("readReceipts").asBoolean(true));
			read(sam, "general", first);

			receipts(sam, true);

			assertThat(takeReadOf(alex, sam.me())).isEqualTo(first);
			read(alex, "general", first);
			assertThat(takeReadOf(sam, alex.me())).isEqualTo(first);
		}

		@Test
		void settingsNeedAnIdentityAndAValue() {
			ChatClient stranger = client();
			stranger.subscribe("/user/queue/events");
			receipts(stranger, false);
			assertThat(stranger.takeErrorCode()).isEqualTo("not-joined");
			ChatClient sam = joined("Sam", "general");
			sam.send("/app/preferences", "{}");
			assertThat(sam.takeErrorCode()).isEqualTo("bad-request");
		}

	}

	@Nested
	class Unread {

		@Test
		void theJoinedReplyIsFollowedByTheCountsOfTheOtherRoomsReadBefore() {
			ChatClient alex = joined("Alex", "tech");
			long first = alex.post("tech", "one");
			read(alex, "tech", first);
			alex.post("tech", "two");
			alex.post("tech", "three");
			ChatClient elsewhere = anotherTab(alex, "Alex", "tech");
			Awaitility.await().atMost(ChatClient.TIMEOUT).until(() -> { // the read is in
				elsewhere.sendJoin("Alex", "tech", null);
				return elsewhere.take("joined").path("lastRead").asLong() == first;
			});

			elsewhere.sendJoin("Alex", "random", null);

			JsonNode unread = elsewhere.take((r) -> r.type().equals("unread") && r.body().toString().contains("tech")).body();
			assertThat(unread.path("rooms").toString()).contains("{\"room\":\"tech\",\"unread\":2}");
			assertThat(unread.path("rooms").toString()).doesNotContain("\"random\"");
		}

		@Test
		void aCountChangesWhenTheOtherRoomGetsMessagesAndWhenAnotherTabReadsThem() {
			ChatClient alex = joined("Alex", "tech");
			ChatClient sam = joined("Sam", "tech");
			long first = sam.post("tech", "one");
			read(alex, "tech", first);
			ChatClient elsewhere = anotherTab(alex, "Alex", "random");
			elsewhere.take("unread");

			long second = sam.post("tech", "two");
			sam.post("tech", "three");

			elsewhere.take((r) -> r.type().equals("unread") && r.body().toString().contains("\"unread\":2"));
			read(alex, "tech", second);
			elsewhere.take((r) -> r.type().equals("unread") && r.body().toString().contains("\"unread\":1"));
		}

	}

}
