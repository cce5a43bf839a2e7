package io.livechat.stomp;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How far the other person has read a conversation (protocol v1.3, {@code peerLastReadId}): in
 * the entries of both lists, live to every tab of the writer when the reader reads on, and
 * neither way when either of the two has turned read receipts off.
 */
class DirectMessageReceiptsTest extends EndToEndTest {

	private static void dm(ChatClient from, ChatClient to, String text) {
		from.send("/app/dm", "{\"to\":\"%s\",\"text\":%s}".formatted(to.me(), ChatClient.quote(text)));
	}

	private static void takeDm(ChatClient client, String text) {
		client.take((r) -> r.type().equals("dm") && r.body().path("text").asString().equals(text));
	}

	private static void dmRead(ChatClient reader, ChatClient writer, long id) {
		reader.send("/app/dm-read", "{\"with\":\"%s\",\"id\":%d}".formatted(writer.me(), id));
	}

	private static void receipts(ChatClient client, boolean on) {
		client.send("/app/preferences", "{\"readReceipts\":" + on + "}");
		client.take((r) -> r.type().equals("preferences") && r.body().path("readReceipts").asBoolean() == on);
	}

	/** The conversation with {@code peer} as {@code client}'s list has it now. */
	private static JsonNode listed(ChatClient client, ChatClient peer) {
		client.send("/app/conversations", "{}");
		JsonNode conversations = client.take((r) -> r.type().equals("conversations")
				&& r.body().toString().contains(peer.me())).body().path("conversations");
		for (JsonNode entry : conversations) {
			if (entry.path("with").path("id").asString().equals(peer.me())) {
				return entry;
			}
		}
		throw new AssertionError("no conversation with " + peer.me() + " in " + conversations);
	}

	/** The {@code conversation} events {@code client} got about {@code peer}. */
	private static List<JsonNode> updatesAbout(ChatClient client, ChatClient peer) {
		return client.all((r) -> r.type().equals("conversation") && r.body().path("with").path("id").asString().equals(peer.me()))
			.stream()
			.map(ChatClient.Received::body)
			.toList();
	}

	@Test
	void everyTabOfTheWriterHearsHowFarTheReaderHasRead() {
		ChatClient alex = joined("Alex", "general");
		ChatClient alexElsewhere = anotherTab(alex, "Alex", "tech");
		ChatClient sam = joined("Sam", "general");
		dm(alex, sam, "one");
		dm(alex, sam, "two");
		takeDm(sam, "two");

		dmRead(sam, alex, 1);

		for (ChatClient tab : List.of(alex, alexElsewhere)) {
			JsonNode entry = tab.take("conversation");
			assertThat(entry.path("with").path("id").asString()).isEqualTo(sam.me());
			assertThat(entry.path("peerLastReadId").asLong()).isEqualTo(1);
			assertThat(entry.path("lastReadId").asLong()).as("the writer has read what they wrote").isEqualTo(2);
		}
		assertThat(sam.take("conversation").path("peerLastReadId").asLong()).as("Alex has read both").isEqualTo(2);
		assertThat(listed(alex, sam).path("peerLastReadId").asLong()).isEqualTo(1);
		dmRead(sam, alex, 1); // nothing moved: Sam's tabs hear their entry again, Alex's nothing
		sam.take("conversation");
		dm(sam, alex, "settled");
		takeDm(alex, "settled");
		assertThat(updatesAbout(alex, sam)).hasSize(1);
	}

	@Test
	void someoneWithReceiptsOffIsNotShownReadingAndSeesNobodyRead() {
		ChatClient alex = joined("Alex", "general");
		ChatClient sam = joined("Sam", "general");
		dm(alex, sam, "one");
		takeDm(sam, "one");
		receipts(sam, false);

		dmRead(sam, alex, 1);

		assertThat(sam.take("conversation").path("peerLastReadId").asLong()).as("Alex read it, Sam is not told").isZero();
		dm(sam, alex, "settled");
		takeDm(alex, "settled");
		assertThat(updatesAbout(alex, sam)).isEmpty();
		assertThat(listed(alex, sam).path("peerLastReadId").asLong()).isZero();
		assertThat(listed(sam, alex).path("peerLastReadId").asLong()).isZero();

		receipts(sam, true);

		assertThat(listed(alex, sam).path("peerLastReadId").asLong()).as("Sam's reply read it all").isEqualTo(2);
		assertThat(listed(sam, alex).path("peerLastReadId").asLong()).isEqualTo(1);
	}

}
