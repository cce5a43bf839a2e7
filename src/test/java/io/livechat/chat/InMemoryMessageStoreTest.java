package io.livechat.chat;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryMessageStoreTest {

	private final InMemoryMessageStore store = new InMemoryMessageStore();

	@Test
	void numbersEachRoomsMessagesFromOne() {
		assertThat(this.store.append("general", "Alex", "a", 1).id()).isEqualTo(1);
		assertThat(this.store.append("general", "Alex", "b", 2).id()).isEqualTo(2);
		assertThat(this.store.append("tech", "Sam", "c", 3).id()).isEqualTo(1);
	}

	@Test
	void keepsTheLastFiftyMessagesOfARoom() {
		appendMessages("general", 120);

		History history = this.store.after("general", 0, 50);

		assertThat(history.messages()).extracting(ChatMessage::id)
			.containsExactlyElementsOf(LongStream.rangeClosed(71, 120).boxed().toList());
		assertThat(history.truncated()).isTrue();
	}

	@Test
	void returnsOnlyMessagesAfterTheGivenId() {
		appendMessages("general", 30);

		History history = this.store.after("general", 27, 50);

		assertThat(history.messages()).extracting(ChatMessage::id).containsExactly(28L, 29L, 30L);
		assertThat(history.truncated()).isFalse();
	}

	@Test
	void saysWhenMoreWereMissedThanTheWindowHolds() {
		appendMessages("general", 80);

		History history = this.store.after("general", 10, 50);

		assertThat(history.messages()).hasSize(50).first().extracting(ChatMessage::id).isEqualTo(31L);
		assertThat(history.truncated()).isTrue();
	}

	@Test
	void pagesBackOnlyThroughWhatItKeeps() {
		appendMessages("general", 120); // keeps 71..120

		History middle = this.store.before("general", 100, 10);
		History oldest = this.store.before("general", 80, 50);

		assertThat(middle.messages()).extracting(ChatMessage::id).startsWith(90L).endsWith(99L);
		assertThat(middle.truncated()).isTrue();
		assertThat(oldest.messages()).extracting(ChatMessage::id).startsWith(71L).endsWith(79L);
		assertThat(oldest.truncated()).isFalse();
		assertThat(this.store.before("general", 71, 50).truncated()).isFalse();
	}

	@Test
	void anEmptyRoomHasAnEmptyCompleteHistory() {
		History history = this.store.after("random", 0, 50);

		assertThat(history.messages()).isEmpty();
		assertThat(history.truncated()).isFalse();
	}

	@Test
	void takesAnIdBeyondTheNewestAsAFreshStart() {
		appendMessages("general", 3);

		assertThat(this.store.after("general", 99, 50).messages()).hasSize(3);
	}

	private void appendMessages(String room, int count) {
		for (int i = 1; i <= count; i++) {
			this.store.append(room, "Alex", "message " + i, i);
		}
	}

}
