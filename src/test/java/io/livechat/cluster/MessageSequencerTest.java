package io.livechat.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import io.livechat.chat.ChatMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageSequencerTest {

	private final List<ChatMessage> delivered = new ArrayList<>();

	private final MessageSequencer sequencer = new MessageSequencer(Map.of("general", 10L), this.delivered::add);

	@Test
	void deliversTheNextMessageAtOnce() {
		boolean gap = this.sequencer.offer(message(11));

		assertThat(ids()).containsExactly(11L);
		assertThat(gap).isFalse();
		assertThat(this.sequencer.delivered("general")).isEqualTo(11);
	}

	@Test
	void holdsBackAMessageUntilTheOneBeforeItArrives() {
		assertThat(this.sequencer.offer(message(13))).as("a gap is reported").isTrue();
		assertThat(this.sequencer.offer(message(12))).isTrue();
		assertThat(ids()).isEmpty();

		assertThat(this.sequencer.offer(message(11))).as("no gap left").isFalse();

		assertThat(ids()).containsExactly(11L, 12L, 13L);
	}

	@Test
	void deliversEachMessageOnceHoweverOftenItArrives() {
		this.sequencer.offer(message(11));
		this.sequencer.offer(message(13));
		this.sequencer.offer(message(13));
		this.sequencer.offerAll(List.of(message(11), message(12), message(13)));
		this.sequencer.offer(message(12));

		assertThat(ids()).containsExactly(11L, 12L, 13L);
	}

	@Test
	void ignoresWhatCameBeforeTheNodeStarted() {
		this.sequencer.offer(message(10));
		this.sequencer.offer(message(3));

		assertThat(ids()).isEmpty();
	}

	@Test
	void skipsIdsThatNoLongerExistAndDeliversWhatWaitedForThem() {
		this.sequencer.offer(message(14));
		this.sequencer.offer(message(15));

		this.sequencer.skipTo("general", 13); // 11 to 13 were deleted before this node read them

		assertThat(ids()).containsExactly(14L, 15L);
		this.sequencer.skipTo("general", 2);
		assertThat(this.sequencer.delivered("general")).as("never backwards").isEqualTo(15);
	}

	@Test
	void keepsRoomsApart() {
		this.sequencer.offer(new ChatMessage(1, "tech", "Sam", "first in tech", 0));
		this.sequencer.offer(message(12));

		assertThat(this.delivered).extracting(ChatMessage::room).containsExactly("tech");
		assertThat(this.sequencer.delivered("tech")).isEqualTo(1);
		assertThat(this.sequencer.delivered("general")).isEqualTo(10);
	}

	@Test
	void holdsBackAtMostItsLimitAndKeepsTheOldestOnes() {
		long first = 12;
		long last = first + MessageSequencer.MAX_WAITING + 99;
		LongStream.rangeClosed(first, last).map((id) -> last + first - id) // newest first
			.forEach((id) -> this.sequencer.offer(message(id)));

		this.sequencer.offer(message(11));

		assertThat(ids()).hasSize(1 + MessageSequencer.MAX_WAITING);
		assertThat(ids()).isSorted();
		assertThat(ids().get(ids().size() - 1)).isEqualTo(11 + MessageSequencer.MAX_WAITING);
		assertThat(this.sequencer.offer(message(12 + MessageSequencer.MAX_WAITING)))
			.as("the dropped ones are offered again later, from the database")
			.isFalse();
		assertThat(this.sequencer.delivered("general")).isEqualTo(12 + MessageSequencer.MAX_WAITING);
	}

	private List<Long> ids() {
		return this.delivered.stream().map(ChatMessage::id).toList();
	}

	private static ChatMessage message(long id) {
		return new ChatMessage(id, "general", "Alex", "message " + id, id);
	}

}
