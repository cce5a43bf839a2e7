package io.livechat.chat;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedMessagesTest {

	private final RecordingChatEvents passedOn = new RecordingChatEvents();

	private final PublishedMessages published = new PublishedMessages(this.passedOn);

	@Test
	void passesEveryEventOn() {
		publish(1, 2);
		this.published.toRoom("general", new TypingEvent("general", "Sam", true));

		assertThat(this.passedOn.toRoom("general")).hasSize(3);
	}

	@Test
	void aReadThatHasEverythingStaysAsItIs() {
		publish(1, 2, 3);
		History read = history(false, 1, 2, 3);

		assertThat(this.published.completed("general", read, 0)).isSameAs(read);
	}

	@Test
	void aReadGainsWhatWasPublishedWhileItWasRead() {
		publish(1, 2, 3, 4, 5);

		History completed = this.published.completed("general", history(false, 1, 2, 3), 0);

		assertThat(ids(completed)).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(completed.truncated()).isFalse();
	}

	@Test
	void anEmptyReadGainsEverythingAfterWhatTheClientHasSeen() {
		publish(1, 2, 3, 4);

		assertThat(ids(this.published.completed("general", history(false), 2))).containsExactly(3L, 4L);
		assertThat(ids(this.published.completed("general", history(false), 0))).containsExactly(1L, 2L, 3L, 4L);
	}

	@Test
	void keepsTheNewestFiftyAndSaysSomeAreLeftOut() {
		publish(LongStream.rangeClosed(1, 60).toArray());

		History completed = this.published.completed("general", history(false, LongStream.rangeClosed(1, 40).toArray()), 0);

		assertThat(ids(completed)).containsExactlyElementsOf(LongStream.rangeClosed(11, 60).boxed().toList());
		assertThat(completed.truncated()).isTrue();
	}

	@Test
	void aReadTooFarBehindIsReadAgain() {
		publish(LongStream.rangeClosed(1, 120).toArray()); // the record keeps the newest fifty

		assertThat(this.published.completed("general", history(false, 1, 2, 3), 0)).isNull();
	}

	@Test
	void aReadAheadOfWhatWasPublishedHereStaysAsItIs() {
		publish(1, 2); // 3 is stored (by another node) and will be published here later
		History read = history(false, 1, 2, 3);

		assertThat(this.published.completed("general", read, 0)).isSameAs(read);
	}

	@Test
	void eachRoomHasItsOwnRecord() {
		publish(1, 2);
		History tech = history(false);

		assertThat(this.published.completed("tech", tech, 0)).isSameAs(tech);
	}

	private void publish(long... ids) {
		for (long id : ids) {
			this.published.toRoom("general", message(id));
		}
	}

	private static History history(boolean truncated, long... ids) {
		return new History(LongStream.of(ids).mapToObj(PublishedMessagesTest::message).toList(), truncated);
	}

	private static ChatMessage message(long id) {
		return new ChatMessage(id, "general", "Sam", "message " + id, 1_000 + id);
	}

	private static List<Long> ids(History history) {
		return history.messages().stream().map(ChatMessage::id).toList();
	}

}
