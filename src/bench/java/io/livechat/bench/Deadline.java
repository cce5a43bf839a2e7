package io.livechat.bench;

import java.time.Duration;

/**
 * The time a run or one of its phases has left; every wait of the tool is bounded by one.
 */
record Deadline(long atNanos) {

	static Deadline after(Duration duration) {
		return new Deadline(System.nanoTime() + duration.toNanos());
	}

	/** The earlier of this deadline and {@code duration} from now. */
	Deadline within(Duration duration) {
		return new Deadline(Math.min(this.atNanos, System.nanoTime() + duration.toNanos()));
	}

	long remainingNanos() {
		return Math.max(0, this.atNanos - System.nanoTime());
	}

	boolean passed() {
		return remainingNanos() == 0;
	}

	/** Throws when the deadline has passed, naming what was being waited for. */
	void check(String waitingFor) {
		if (passed()) {
			throw new LoadException("Timed out waiting for " + waitingFor);
		}
	}

}
