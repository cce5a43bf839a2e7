package io.livechat.bench;

import org.junit.jupiter.api.Test;

import static io.livechat.bench.SequenceTracker.Receipt.DUPLICATE;
import static io.livechat.bench.SequenceTracker.Receipt.IN_ORDER;
import static io.livechat.bench.SequenceTracker.Receipt.LATE;
import static io.livechat.bench.SequenceTracker.Receipt.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

class SequenceTrackerTest {

	private final SequenceTracker tracker = new SequenceTracker(3);

	@Test
	void numbersInIncreasingOrderAreInOrderEvenWithGaps() {
		assertThat(this.tracker.accept(0, 1)).isEqualTo(IN_ORDER);
		assertThat(this.tracker.accept(0, 2)).isEqualTo(IN_ORDER);
		assertThat(this.tracker.accept(0, 5)).isEqualTo(IN_ORDER);

		assertThat(this.tracker.late()).isZero();
		assertThat(this.tracker.duplicates()).isZero();
	}

	@Test
	void aMissingNumberThatArrivesLaterIsLateOnceAndADuplicateAfterThat() {
		this.tracker.accept(0, 1);
		this.tracker.accept(0, 3);

		assertThat(this.tracker.accept(0, 2)).isEqualTo(LATE);
		assertThat(this.tracker.accept(0, 2)).isEqualTo(DUPLICATE);
		assertThat(this.tracker.late()).isEqualTo(1);
		assertThat(this.tracker.duplicates()).isEqualTo(1);
	}

	@Test
	void theSameNumberTwiceIsADuplicate() {
		this.tracker.accept(1, 1);
		this.tracker.accept(1, 2);

		assertThat(this.tracker.accept(1, 2)).isEqualTo(DUPLICATE);
		assertThat(this.tracker.accept(1, 1)).isEqualTo(DUPLICATE);
		assertThat(this.tracker.duplicates()).isEqualTo(2);
		assertThat(this.tracker.late()).isZero();
	}

	@Test
	void remembersTheLastSixtyFourNumbersAndCallsOlderOnesLate() {
		for (long seq = 1; seq <= 100; seq++) {
			this.tracker.accept(0, seq);
		}

		assertThat(this.tracker.accept(0, 37)).isEqualTo(DUPLICATE);
		assertThat(this.tracker.accept(0, 36)).isEqualTo(LATE);
	}

	@Test
	void aLongJumpForgetsWhatCameBefore() {
		this.tracker.accept(0, 1);
		this.tracker.accept(0, 500);

		assertThat(this.tracker.accept(0, 499)).isEqualTo(LATE);
		assertThat(this.tracker.accept(0, 500)).isEqualTo(DUPLICATE);
	}

	@Test
	void keepsEachSenderApart() {
		this.tracker.accept(0, 5);

		assertThat(this.tracker.accept(1, 1)).isEqualTo(IN_ORDER);
		assertThat(this.tracker.accept(2, 5)).isEqualTo(IN_ORDER);
	}

	@Test
	void ignoresSendersAndNumbersItDoesNotKnow() {
		assertThat(this.tracker.accept(3, 1)).isEqualTo(UNKNOWN);
		assertThat(this.tracker.accept(-1, 1)).isEqualTo(UNKNOWN);
		assertThat(this.tracker.accept(0, 0)).isEqualTo(UNKNOWN);
		assertThat(this.tracker.late() + this.tracker.duplicates()).isZero();
	}

}
