package io.livechat.stomp;

import java.util.List;

import io.livechat.images.TestImages;
import io.livechat.images.TestUploads;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages sent with the client's own id (protocol v1.5, {@code clientMsgId}): each is answered
 * to its sender with an {@code ack} naming the id it was stored under, or an {@code error}
 * naming the client's id and whether to send it again; a resend of one stored before, from a new
 * connection after a drop, stores nothing new; nobody else ever sees the client's id.
 */
class ClientMessageIdsTest extends EndToEndTest {

	private static void say(ChatClient client, String text, String clientMsgId) {
		client.send("/app/send", "{\"room\":\"general\",\"text\":%s,\"clientMsgId\":\"%s\"}"
			.formatted(ChatClient.quote(text), clientMsgId));
	}

	private static JsonNode ackOf(ChatClient client, String clientMsgId) {
		return client.take((r) -> r.type().equals("ack") && r.body().path("clientMsgId").asString().equals(clientMsgId))
			.body();
	}

	private static List<JsonNode> messagesSaying(ChatClient client, String text) {
		return client.messages("general").stream().filter((m) -> m.path("text").asString().equals(text)).toList();
	}

	/** Waits until {@code client} has {@code marker}, sent after everything else: what came before has come. */
	private static void settled(ChatClient sender, ChatClient client, String marker) {
		sender.say("general", marker);
		client.take((r) -> r.type().equals("message") && r.body().path("text").asString().equals(marker));
	}

	@Nested
	class InARoom {

		@Test
		void theSenderHearsAnAckAfterItsMessageAndNobodyElseSeesTheClientsId() {
			ChatClient alex = joined("Alex", "general");
			ChatClient sam = joined("Sam", "general");

			say(alex, "hello", "alex-0001-hello");

			JsonNode message = alex.take("message");
			JsonNode ack = ackOf(alex, "alex-0001-hello");
			assertThat(ack.path("id").asLong()).isEqualTo(message.path("id").asLong());
			assertThat(ack.path("room").asString()).isEqualTo("general");
			assertThat(ack.has("conversation")).isFalse();
			JsonNode seen = sam.take("message");
			assertThat(seen.toString()).doesNotContain("alex-0001-hello");
			settled(alex, sam, "marker");
			assertThat(sam.all((r) -> r.type().equals("ack"))).isEmpty();
		}

		@Test
		void aResendFromANewConnectionAfterADropStoresNothingNewAndIsAnsweredWithTheFirstId() {
			ChatClient alex = joined("Alex", "general");
			ChatClient sam = joined("Sam", "general");
			say(alex, "sent before the tunnel", "alex-0002-tunnel");
			long id = ackOf(alex, "alex-0002-tunnel").path("id").asLong();
			alex.close();

			ChatClient alexAgain = anotherTab(alex, "Alex", "general");
			say(alexAgain, "sent before the tunnel", "alex-0002-tunnel");

			JsonNode ack = ackOf(alexAgain, "alex-0002-tunnel");
			assertThat(ack.path("id").asLong()).isEqualTo(id);
			settled(alexAgain, sam, "after the resend");
			assertThat(messagesSaying(sam, "sent before the tunnel")).hasSize(1);
			assertThat(messagesSaying(alexAgain, "sent before the tunnel")).as("no second broadcast").isEmpty();
		}

		@Test
		void anotherPersonsMessageWithTheSameClientIdIsItsOwn() {
			ChatClient alex = joined("Alex", "general");
			ChatClient sam = joined("Sam", "general");
			say(alex, "from Alex", "same-id-0003");
			long alexs = ackOf(alex, "same-id-0003").path("id").asLong();

			say(sam, "from Sam", "same-id-0003");

			assertThat(ackOf(sam, "same-id-0003").path("id").asLong()).isEqualTo(alexs + 1);
		}

		@Test
		void aRefusalNamesTheClientsIdAndWhetherSendingAgainCouldWork() {
			ChatClient alex = joined("Alex", "general");

			say(alex, "x".repeat(1001), "alex-0004-long");
			JsonNode tooLong = alex.take("error");
			assertThat(tooLong.path("code").asString()).isEqualTo("message-too-long");
			assertThat(tooLong.path("clientMsgId").asString()).isEqualTo("alex-0004-long");
			assertThat(tooLong.path("retry").asBoolean(true)).isFalse();

			for (int i = 0; i < 30; i++) {
				say(alex, "flood " + i, "alex-flood-" + (1000 + i));
			}
			JsonNode limited = alex.take((r) -> r.type().equals("error")
					&& r.body().path("code").asString().equals("rate-limited")).body();
			assertThat(limited.path("clientMsgId").asString()).startsWith("alex-flood-");
			assertThat(limited.path("retry").asBoolean()).isTrue();
			assertThat(limited.path("retryAfterMs").asLong()).isBetween(1L, 1000L);
		}

		@Test
		void aClientIdThatIsNotEightToSixtyFourVisibleCharactersIsABadRequest() {
			ChatClient alex = joined("Alex", "general");

			say(alex, "hi", "short");
			assertThat(alex.takeErrorCode()).isEqualTo("bad-request");
			say(alex, "hi", "has a space in it");
			assertThat(alex.takeErrorCode()).isEqualTo("bad-request");
		}

		@Test
		void aResendOfAPictureIsAcknowledgedNotRefusedAsSentAlready() {
			ChatClient alex = joined("Alex", "general");
			String image = JsonMapper.builder().build()
				.readTree(TestUploads.upload("http://127.0.0.1:" + ClientMessageIdsTest.this.port, alex.clientId(),
						TestImages.png(20, 20)).body())
				.path("id")
				.asString();
			String send = "{\"room\":\"general\",\"text\":\"\",\"image\":\"%s\",\"clientMsgId\":\"alex-0005-pic\"}"
				.formatted(image);
			alex.send("/app/send", send);
			long id = ackOf(alex, "alex-0005-pic").path("id").asLong();

			alex.send("/app/send", send);

			assertThat(ackOf(alex, "alex-0005-pic").path("id").asLong()).isEqualTo(id);
			alex.send("/app/send", send.replace("alex-0005-pic", "alex-0006-pic"));
			assertThat(alex.takeErrorCode()).as("another message still cannot send it").isEqualTo("unknown-image");
		}

	}

	@Nested
	class InADirectMessage {

		@Test
		void aResendIsAcknowledgedWithTheFirstIdAndTheRecipientGetsItOnce() {
			ChatClient alex = joined("Alex", "general");
			ChatClient sam = joined("Sam", "general");
			String dm = "{\"to\":\"%s\",\"text\":\"just once\",\"clientMsgId\":\"alex-dm-0001\"}".formatted(sam.me());

			alex.send("/app/dm", dm);
			JsonNode ack = ackOf(alex, "alex-dm-0001");
			alex.send("/app/dm", dm);
			JsonNode again = ackOf(alex, "alex-dm-0001");

			assertThat(ack.path("conversation").asString()).contains(sam.me()).contains(alex.me());
			assertThat(ack.has("room")).isFalse();
			assertThat(again.path("id").asLong()).isEqualTo(ack.path("id").asLong());
			alex.send("/app/dm", "{\"to\":\"%s\",\"text\":\"marker\"}".formatted(sam.me()));
			sam.take((r) -> r.type().equals("dm") && r.body().path("text").asString().equals("marker"));
			assertThat(sam.all((r) -> r.type().equals("dm") && r.body().path("text").asString().equals("just once")))
				.hasSize(1)
				.allSatisfy((r) -> assertThat(r.body().toString()).doesNotContain("alex-dm-0001"));
		}

	}

}
