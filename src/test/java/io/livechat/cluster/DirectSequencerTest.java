package io.livechat.cluster;

import java.util.ArrayList;
import java.util.List;

import io.livechat.direct.DirectMessage;
import io.livechat.direct.DirectMessageStore.Kept;
import io.livechat.people.Person;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DirectSequencerTest {

	private final List<String> delivered = new ArrayList<>();

	private final DirectSequencer sequencer = new DirectSequencer(
			(message, hidden) -> this.delivered.add(message.conversation() + "#" + message.id() + (hidden ? " hidden" : "")));

	@Test
	void aNewConversationIsDeliveredFromItsFirstMessageInIdOrderWhateverTheOrderOfArrival() {
		boolean missing = this.sequencer.offer(kept("a.b", 2));
		assertThat(missing).as("still waiting for 1").isTrue();
		assertThat(this.delivered).isEmpty();

		assertThat(this.sequencer.offer(kept("a.b", 1))).isFalse();
		this.sequencer.offer(kept("a.b", 3));

		assertThat(this.delivered).containsExactly("a.b#1", "a.b#2", "a.b#3");
	}

	@Test
	void aMessageThatArrivesTwiceIsDeliveredOnce() {
		this.sequencer.offer(kept("a.b", 1));
		this.sequencer.offerAll(List.of(kept("a.b", 1), kept("a.b", 2), kept("a.b", 2)));

		assertThat(this.delivered).containsExactly("a.b#1", "a.b#2");
	}

	@Test
	void whatCameBeforeSomeoneArrivedIsHistory() {
		this.sequencer.startAfter("a.b", 7);
		this.sequencer.offer(kept("a.b", 7));
		this.sequencer.offer(kept("a.b", 8));

		assertThat(this.delivered).containsExactly("a.b#8");
		assertThat(this.sequencer.delivered("a.b")).isEqualTo(8);
		assertThat(this.sequencer.delivered("c.d")).as("a conversation not followed here").isEqualTo(-1);
	}

	@Test
	void idsThatNoLongerExistAreSkippedAndWhatWaitedGoesOut() {
		this.sequencer.offer(kept("a.b", 1));
		this.sequencer.offer(kept("a.b", 5));

		this.sequencer.skipTo("a.b", 4);

		assertThat(this.delivered).containsExactly("a.b#1", "a.b#5");
	}

	@Test
	void conversationsWaitEachOnItsOwnAndHiddenMessagesSayIt() {
		this.sequencer.offer(kept("a.b", 2));
		this.sequencer.offer(new Kept(message("c.d", 1), true));

		assertThat(this.delivered).containsExactly("c.d#1 hidden");
	}

	private static Kept kept(String conversation, long id) {
		return new Kept(message(conversation, id), false);
	}

	private static DirectMessage message(String conversation, long id) {
		return new DirectMessage(id, conversation, new Person("a", "Alex"), new Person("b", "Sam"), "m" + id, id);
	}

}
