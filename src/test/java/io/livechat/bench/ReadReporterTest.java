package io.livechat.bench;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A client's reads paced as the page paces them, on a clock and a timer the test moves by hand. */
class ReadReporterTest {

	private static final long SECOND = ReadReporter.INTERVAL_MICROS;

	private long now = 1_000 * SECOND;

	private final List<Long> reported = new ArrayList<>();

	private final List<Long> delays = new ArrayList<>();

	private final List<Runnable> tasks = new ArrayList<>();

	private final ReadReporter reads = new ReadReporter(() -> this.now, this::later, this.reported::add);

	@Test
	void theFirstReadGoesOutAtOnce() {
		this.reads.seen(7);

		assertThat(this.reported).containsExactly(7L);
		assertThat(this.tasks).isEmpty();
	}

	@Test
	void messagesWithinTheSecondAreReportedOnceWhenItEndsWithTheNewestId() {
		this.reads.seen(7);
		at(300_000);
		this.reads.seen(8);
		at(600_000);
		this.reads.seen(9);

		assertThat(this.reported).containsExactly(7L);
		assertThat(this.delays).as("one timer, for the rest of the second").containsExactly(700_000L);

		at(SECOND);
		fire();

		assertThat(this.reported).containsExactly(7L, 9L);
	}

	@Test
	void aMessageMoreThanASecondAfterTheLastReadGoesOutAtOnce() {
		this.reads.seen(7);
		at(SECOND + 200_000);
		this.reads.seen(8);

		assertThat(this.reported).containsExactly(7L, 8L);
		assertThat(this.tasks).isEmpty();
	}

	@Test
	void theNextSecondCountsFromWhenTheTimedReadActuallyWent() {
		this.reads.seen(7);
		at(100_000);
		this.reads.seen(8);
		at(SECOND + 50_000);
		fire();
		at(SECOND + 500_000);
		this.reads.seen(9);

		assertThat(this.reported).containsExactly(7L, 8L);
		assertThat(this.delays).containsExactly(900_000L, 550_000L);
	}

	@Test
	void anIdAtOrBelowTheOneReportedSendsNothing() {
		this.reads.seen(7);
		at(300_000);
		this.reads.seen(7);
		this.reads.seen(5);

		assertThat(this.reported).containsExactly(7L);
		assertThat(this.tasks).isEmpty();
		assertThat(this.reads.reported()).isEqualTo(7);
	}

	@Test
	void nothingIsReportedBeforeAMessageArrives() {
		assertThat(this.reads.reported()).isZero();
		assertThat(this.reported).isEmpty();
	}

	private void at(long sinceStartMicros) {
		this.now = 1_000 * SECOND + sinceStartMicros;
	}

	private void later(long delayMicros, Runnable task) {
		this.delays.add(delayMicros);
		this.tasks.add(task);
	}

	/** Runs the timer's one pending task. */
	private void fire() {
		assertThat(this.tasks).as("pending timers").hasSize(1);
		this.tasks.remove(0).run();
	}

}
