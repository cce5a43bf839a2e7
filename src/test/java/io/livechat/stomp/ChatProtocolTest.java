package io.livechat.stomp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wire contract of docs/protocol.md, held from outside with a real STOMP client.
 */
class ChatProtocolTest extends EndToEndTest {

	/** The id of the newest message in a joined reply's history, 0 if none. */
	static long lastId(JsonNode joined) {
		JsonNode history = joined.path("history");
		return history.isEmpty() ? 0 : history.get(history.size() - 1).path("id").asLong();
	}

	@Nested
	class Joining {

		@Test
		void theJoinerGetsHistoryAndUsersAndTheRoomHearsOfIt() {
			ChatClient sam = client();
			sam.join("Sam", "general");
			sam.say("general", "before you came");

			ChatClient alex = client();
			JsonNode joined = alex.join("Alex", "general");

			assertThat(joined.path("room").asString()).isEqualTo("general");
			assertThat(joined.path("username").asString()).isEqualTo("Alex");
			assertThat(joined.path("users")).extracting(JsonNode::asString).containsExactly("Alex", "Sam");
			JsonNode history = joined.path("history");
			assertThat(history.size()).isBetween(1, 50);
			JsonNode old = history.get(history.size() - 1);
			assertThat(old.path("type").asString()).isEqualTo("message");
			assertThat(old.path("text").asString()).isEqualTo("before you came");
			assertThat(old.path("username").asString()).isEqualTo("Sam");
			JsonNode announced = sam.take((r) -> r.type().equals("system") && r.body().path("username").asString().equals("Alex")).body();
			assertThat(announced.path("event").asString()).isEqualTo("joined");
			assertThat(announced.path("text").asString()).isEqualTo("Alex joined #general");
			assertThat(announced.path("timestamp").asLong()).isPositive();
			assertThat(sam.take((r) -> r.type().equals("users") && r.body().path("users").size() == 2).body()
				.path("users")).extracting(JsonNode::asString).containsExactly("Alex", "Sam");
		}

		@Test
		void theRoomListCountsUsersLive() {
			ChatClient watcher = client().subscribe("/topic/rooms");

			client().join("Alex", "tech");

			// counts are coalesced (at most one list per 250 ms): an earlier test's last list may come first
			JsonNode rooms = watcher.take((r) -> r.type().equals("rooms")
					&& r.body().path("rooms").path(1).path("users").asInt() == 1).body().path("rooms");
			assertThat(rooms).hasSize(3);
			assertThat(rooms.get(1).path("id").asString()).isEqualTo("tech");
			assertThat(rooms.get(1).path("name").asString()).isEqualTo("Tech");
			assertThat(rooms.get(1).path("users").asInt()).isEqualTo(1);
		}

		@Test
		void restListsTheRoomsWithCounts() throws Exception {
			client().join("Alex", "random");

			HttpResponse<String> response = HttpClient.newHttpClient().send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/rooms")).build(),
					HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo(
					"[{\"id\":\"general\",\"name\":\"General\",\"users\":0},{\"id\":\"tech\",\"name\":\"Tech\",\"users\":0},"
							+ "{\"id\":\"random\",\"name\":\"Random\",\"users\":1}]");
		}

		@Test
		void healthIsUp() throws Exception {
			HttpResponse<String> response = HttpClient.newHttpClient().send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"status\":\"UP\"");
		}

		@Test
		void aNameIsUniquePerRoomWhateverItsCase() {
			client().join("Alex", "general");
			ChatClient other = client();
			other.subscribe("/user/queue/events");

			other.sendJoin("ALEX", "general", null);

			assertThat(other.takeErrorCode()).isEqualTo("username-taken");
			assertThat(rooms.users("general")).containsExactly("Alex");
		}

		@Test
		void joiningAnotherRoomLeavesTheFirst() {
			ChatClient alex = client();
			alex.join("Alex", "general");
			ChatClient sam = client();
			sam.join("Sam", "general");

			alex.subscribe("/topic/tech");
			alex.sendJoin("Alex", "tech", null);
			alex.take("joined");

			JsonNode left = sam.take((r) -> r.type().equals("system") && r.body().path("event").asString().equals("left")).body();
			assertThat(left.path("username").asString()).isEqualTo("Alex");
			assertThat(rooms.users("general")).containsExactly("Sam");
			assertThat(rooms.users("tech")).containsExactly("Alex");
		}

		@Test
		void leaveAnnouncesTheDeparture() {
			ChatClient alex = client();
			alex.join("Alex", "general");
			ChatClient sam = client();
			sam.join("Sam", "general");

			alex.send("/app/leave", "{\"room\":\"general\"}");

			assertThat(sam.take((r) -> r.type().equals("system") && r.body().path("event").asString().equals("left"))
				.body()
				.path("text")
				.asString()).isEqualTo("Alex left #general");
			assertThat(sam.take((r) -> r.type().equals("users") && r.body().path("users").size() == 1).body()
				.path("users")).extracting(JsonNode::asString).containsExactly("Sam");
		}

	}

	@Nested
	class Messages {

		@Test
		void reachEveryoneInTheRoomIncludingTheSender() {
			ChatClient alex = client();
			long lastId = lastId(alex.join("Alex", "general"));
			ChatClient sam = client();
			sam.join("Sam", "general");
			ChatClient elsewhere = client();
			elsewhere.join("Kim", "tech");

			alex.say("general", "hello");

			for (ChatClient receiver : List.of(alex, sam)) {
				JsonNode message = receiver.take("message");
				assertThat(message.path("room").asString()).isEqualTo("general");
				assertThat(message.path("username").asString()).isEqualTo("Alex");
				assertThat(message.path("text").asString()).isEqualTo("hello");
				assertThat(message.path("id").asLong()).isEqualTo(lastId + 1);
				assertThat(message.path("timestamp").asLong()).isCloseTo(System.currentTimeMillis(),
						org.assertj.core.data.Offset.offset(10_000L));
			}
			assertThat(elsewhere.messages("tech")).isEmpty();
		}

		@Test
		void areNumberedOneByOnePerRoom() {
			ChatClient alex = client();
			long lastId = lastId(alex.join("Alex", "random"));

			for (int i = 0; i < 5; i++) {
				alex.say("random", "m" + i);
			}

			Awaitility.await().atMost(ChatClient.TIMEOUT).until(() -> alex.messages("random").size() == 5);
			assertThat(alex.messages("random")).extracting((m) -> m.path("id").asLong())
				.containsExactly(lastId + 1, lastId + 2, lastId + 3, lastId + 4, lastId + 5);
		}

		@Test
		void carryTheJoinedNameWhateverTheBodySays() {
			ChatClient alex = client();
			long lastId = lastId(alex.join("Alex", "general"));

			alex.send("/app/send", "{\"room\":\"general\",\"text\":\"hi\",\"username\":\"Admin\",\"id\":999}");

			JsonNode message = alex.take("message");
			assertThat(message.path("username").asString()).isEqualTo("Alex");
			assertThat(message.path("id").asLong()).isEqualTo(lastId + 1);
		}

		@Test
		void reachEveryReceiverInOneOrderFromConcurrentSenders() throws Exception {
			List<ChatClient> senders = new ArrayList<>();
			long lastId = 0;
			for (String name : List.of("Ann", "Bob", "Cid")) {
				ChatClient sender = client();
				lastId = lastId(sender.join(name, "general"));
				senders.add(sender);
			}
			List<ChatClient> receivers = new ArrayList<>(senders);
			for (String name : List.of("Dee", "Eve")) {
				ChatClient receiver = client();
				receiver.join(name, "general");
				receivers.add(receiver);
			}
			int perSender = 15;

			CountDownLatch go = new CountDownLatch(1);
			List<Thread> threads = new ArrayList<>();
			for (ChatClient sender : senders) {
				Thread thread = new Thread(() -> {
					awaitQuietly(go);
					for (int i = 0; i < perSender; i++) {
						sender.say("general", "n" + i);
					}
				});
				thread.start();
				threads.add(thread);
			}
			go.countDown();
			for (Thread thread : threads) {
				thread.join(ChatClient.TIMEOUT.toMillis());
			}

			int total = senders.size() * perSender;
			List<Long> expectedIds = LongStream.rangeClosed(lastId + 1, lastId + total).boxed().toList();
			for (ChatClient receiver : receivers) {
				Awaitility.await().atMost(ChatClient.TIMEOUT).until(() -> receiver.messages("general").size() == total);
			}
			List<String> reference = describe(receivers.get(0).messages("general"));
			for (ChatClient receiver : receivers) {
				assertThat(receiver.messages("general")).extracting((m) -> m.path("id").asLong())
					.containsExactlyElementsOf(expectedIds);
				assertThat(describe(receiver.messages("general"))).containsExactlyElementsOf(reference);
			}
		}

		@Test
		void typingIsSharedWithTheRoom() {
			ChatClient alex = client();
			alex.join("Alex", "general");
			ChatClient sam = client();
			sam.join("Sam", "general");

			alex.send("/app/typing", "{\"room\":\"general\",\"typing\":true}");

			JsonNode typing = sam.take("typing");
			assertThat(typing.path("username").asString()).isEqualTo("Alex");
			assertThat(typing.path("typing").asBoolean()).isTrue();
		}

		private static List<String> describe(List<JsonNode> messages) {
			return messages.stream().map((m) -> m.path("id") + ":" + m.path("username").asString() + ":"
					+ m.path("text").asString()).toList();
		}

		private static void awaitQuietly(CountDownLatch latch) {
			try {
				latch.await(ChatClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	@Nested
	class Refusals {

		@Test
		void eachErrorCodeGoesToTheSenderOnlyAndTheConnectionKeepsWorking() {
			ChatClient alex = client();
			alex.subscribe("/user/queue/events");
			ChatClient sam = client();
			sam.join("Sam", "general");

			alex.sendJoin("A", "general", null);
			assertThat(alex.takeErrorCode()).isEqualTo("invalid-username");
			alex.sendJoin("Alex<script>", "general", null);
			assertThat(alex.takeErrorCode()).isEqualTo("invalid-username");
			alex.sendJoin("Alex", "lobby", null);
			assertThat(alex.takeErrorCode()).isEqualTo("unknown-room");
			alex.say("general", "not yet");
			assertThat(alex.takeErrorCode()).isEqualTo("not-joined");
			alex.send("/app/join", "{\"username\":\"Alex\",\"room\":\"general\"}");
			assertThat(alex.takeErrorCode()).isEqualTo("bad-request");
			alex.send("/app/join", "{\"username\":\"Alex\",\"room\":\"general\",\"clientId\":\"short\"}");
			assertThat(alex.takeErrorCode()).isEqualTo("bad-request");
			alex.send("/app/send", "this is not json");
			assertThat(alex.takeErrorCode()).isEqualTo("bad-request");
			alex.send("/app/send", "{\"room\":\"general\"}");
			assertThat(alex.takeErrorCode()).isEqualTo("bad-request");
			alex.send("/app/typing", "{\"room\":\"general\",\"typing\":\"maybe\"}");
			assertThat(alex.takeErrorCode()).isEqualTo("bad-request");

			alex.subscribe("/topic/general");
			alex.sendJoin("Alex", "general", null);
			alex.take("joined");
			alex.say("general", "   ");
			assertThat(alex.takeErrorCode()).isEqualTo("invalid-message");
			alex.say("general", "x".repeat(1001));
			assertThat(alex.takeErrorCode()).isEqualTo("message-too-long");
			// an unpaired surrogate: valid JSON, but no text anyone could be sent
			alex.send("/app/send", "{\"room\":\"general\",\"text\":\"\\ud800\"}");
			assertThat(alex.takeErrorCode()).isEqualTo("invalid-message");
			alex.say("general", "still here");

			assertThat(sam.take("message").path("text").asString()).isEqualTo("still here");
			assertThat(sam.all((r) -> r.type().equals("error"))).isEmpty();
			assertThat(alex.isConnected()).isTrue();
		}

		@Test
		void messagesBeyondTheRateLimitAreEachRefusedAndDropped() {
			ChatClient alex = client();
			long lastId = lastId(alex.join("Alex", "general"));

			for (int i = 0; i < 30; i++) {
				alex.say("general", "spam " + i);
			}

			Awaitility.await().atMost(ChatClient.TIMEOUT).until(() -> alex.messages("general").size()
					+ alex.all((r) -> r.type().equals("error")).size() == 30);
			int delivered = alex.messages("general").size();
			assertThat(delivered).isBetween(20, 22);
			assertThat(alex.all((r) -> r.type().equals("error")))
				.allSatisfy((r) -> assertThat(r.body().path("code").asString()).isEqualTo("rate-limited"))
				.hasSize(30 - delivered);
			assertThat(alex.messages("general")).extracting((m) -> m.path("id").asLong())
				.containsExactlyElementsOf(LongStream.rangeClosed(lastId + 1, lastId + delivered).boxed().toList());
		}

		@Test
		void typingBeyondItsLimitIsDroppedSilently() {
			ChatClient alex = client();
			alex.join("Alex", "general");

			for (int i = 0; i < 10; i++) {
				alex.send("/app/typing", "{\"room\":\"general\",\"typing\":" + (i % 2 == 0) + "}");
			}
			alex.say("general", "done");

			alex.take("message");
			assertThat(alex.all((r) -> r.type().equals("typing"))).hasSizeBetween(2, 3);
			assertThat(alex.all((r) -> r.type().equals("error"))).isEmpty();
		}

	}

	@Nested
	class Receipts {

		@Test
		void aSubscriptionThatAsksForAReceiptGetsOne() throws Exception {
			RawWebSocket ws = rawStomp();

			ws.sendFrame("SUBSCRIBE\nid:0\ndestination:/topic/general\nreceipt:sub-general\n\n");

			assertThat(nextOtherThanMessage(ws)).startsWith("RECEIPT\n").contains("receipt-id:sub-general\n");
		}

		@Test
		void aCommandThatAsksForAReceiptGetsItAfterItsReply() throws Exception {
			RawWebSocket ws = rawStomp();
			ws.sendFrame("SUBSCRIBE\nid:0\ndestination:/user/queue/events\n\n");

			ws.sendFrame("SEND\ndestination:/app/join\nreceipt:join-1\n\n"
					+ "{\"username\":\"Receipt\",\"room\":\"tech\",\"clientId\":\"receipt-client-1\"}");

			assertThat(ws.readFrame()).startsWith("MESSAGE\n").contains("\"type\":\"joined\"");
			assertThat(ws.readFrame()).startsWith("MESSAGE\n").contains("\"type\":\"preferences\"");
			assertThat(ws.readFrame()).startsWith("MESSAGE\n").contains("\"type\":\"unread\"");
			assertThat(ws.readFrame()).startsWith("MESSAGE\n").contains("\"type\":\"conversations\"");
			assertThat(ws.readFrame()).startsWith("RECEIPT\n").contains("receipt-id:join-1\n");
		}

		@Test
		void anUnsubscribeThatAsksForAReceiptGetsOne() throws Exception {
			RawWebSocket ws = rawStomp();
			ws.sendFrame("SUBSCRIBE\nid:0\ndestination:/topic/rooms\n\n");

			ws.sendFrame("UNSUBSCRIBE\nid:0\nreceipt:bye-rooms\n\n");

			assertThat(nextOtherThanMessage(ws)).startsWith("RECEIPT\n").contains("receipt-id:bye-rooms\n");
		}

		/** Skips room events (a user list held back from an earlier change may arrive any time). */
		private static String nextOtherThanMessage(RawWebSocket ws) throws java.io.IOException {
			String frame = ws.readFrame();
			while (frame.startsWith("MESSAGE\n")) {
				frame = ws.readFrame();
			}
			return frame;
		}

	}

}
