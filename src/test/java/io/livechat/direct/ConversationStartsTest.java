package io.livechat.direct;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationStartsTest {

	private final AtomicLong now = new AtomicLong(1_000_000);

	private final ConversationStarts starts = new ConversationStarts(2, this.now::get);

	@Test
	void aPersonMayStartAsManyConversationsAsTheLimitInAnHourAndNoMore() {
		assertThat(this.starts.tryStart("alex")).isTrue();
		later(Duration.ofMinutes(10));
		assertThat(this.starts.tryStart("alex")).isTrue();
		later(Duration.ofMinutes(10));

		assertThat(this.starts.tryStart("alex")).isFalse();
	}

	@Test
	void eachPersonHasAnAllowanceOfTheirOwn() {
		this.starts.tryStart("alex");
		this.starts.tryStart("alex");

		assertThat(this.starts.tryStart("sam")).isTrue();
		assertThat(this.starts.tryStart("sam")).isTrue();
		assertThat(this.starts.tryStart("alex")).isFalse();
	}

	@Test
	void aStartCountsForAnHourExactly() {
		this.starts.tryStart("alex"); // at 0
		later(Duration.ofMinutes(30));
		this.starts.tryStart("alex"); // at 30 min
		later(Duration.ofMinutes(30).minusNanos(1));
		assertThat(this.starts.tryStart("alex")).as("just before the first start is an hour old").isFalse();

		later(Duration.ofNanos(1));
		assertThat(this.starts.tryStart("alex")).as("the first start is an hour old").isTrue();
		assertThat(this.starts.tryStart("alex")).as("the second still counts, and the one just taken").isFalse();
	}

	@Test
	void aRefusedStartTakesNothing() {
		this.starts.tryStart("alex"); // at 0
		this.starts.tryStart("alex"); // at 0
		later(Duration.ofMinutes(50));
		for (int i = 0; i < 5; i++) {
			assertThat(this.starts.tryStart("alex")).isFalse();
		}

		later(Duration.ofMinutes(10));

		assertThat(this.starts.tryStart("alex")).isTrue();
		assertThat(this.starts.tryStart("alex")).isTrue();
	}

	@Test
	void peopleWhoseStartsAreAllOlderThanAnHourAreForgotten() {
		for (int i = 0; i < 100; i++) {
			this.starts.tryStart("person-" + i);
		}
		assertThat(this.starts.people()).isEqualTo(100);
		later(Duration.ofHours(1));

		for (int i = 0; i < 1024; i++) { // the whole map is swept once in a while, not on every start
			this.starts.tryStart("alex");
		}

		assertThat(this.starts.people()).isEqualTo(1);
	}

	private void later(Duration duration) {
		this.now.addAndGet(duration.toNanos());
	}


	@Test
	void messagesToAConversationWhoseFirstIsNotStoredYetCountAsOneStart() {
		assertThat(this.starts.tryStart("alex", "alex.sam")).isTrue();
		assertThat(this.starts.tryStart("alex", "alex.sam")).as("the same conversation, its first not yet stored").isTrue();
		assertThat(this.starts.tryStart("alex", "alex.sam")).isTrue();

		assertThat(this.starts.tryStart("alex", "alex.kim")).as("the second start of a limit of two").isTrue();
		assertThat(this.starts.tryStart("alex", "alex.lee")).isFalse();
	}

}
