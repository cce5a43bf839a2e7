package io.livechat.bench;

import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * When one client reports its read position, as the page does: whenever it has received a room
 * message newer than the last id it reported, it reports the newest id it has, at once if it
 * has not reported within the last second, else when that second is over (one report then,
 * however many messages came meanwhile). Its methods may be called from the client's receiving
 * thread and from the timer's.
 */
final class ReadReporter {

	static final long INTERVAL_MICROS = 1_000_000;

	/** Runs a task later: the fleet's scheduler, or a test's hand. */
	@FunctionalInterface
	interface Timer {

		void after(long delayMicros, Runnable task);

	}

	private final LongSupplier clock;

	private final Timer timer;

	private final LongConsumer report;

	private long newest;

	private long reported;

	private long reportedMicros;

	private boolean waiting;

	/**
	 * @param clock microseconds, as {@link MicroClock#now()}
	 * @param report sends a read of the id it is given
	 */
	ReadReporter(LongSupplier clock, Timer timer, LongConsumer report) {
		this.clock = clock;
		this.timer = timer;
		this.report = report;
	}

	/** A room message with {@code id} has arrived. */
	synchronized void seen(long id) {
		if (id <= this.newest) {
			return;
		}
		this.newest = id;
		if (this.waiting) {
			return;
		}
		long now = this.clock.getAsLong();
		long next = this.reportedMicros + INTERVAL_MICROS;
		if (this.reported == 0 || now >= next) {
			report(now);
		}
		else {
			this.waiting = true;
			this.timer.after(next - now, this::due);
		}
	}

	/** The last id reported, 0 before the first report. */
	synchronized long reported() {
		return this.reported;
	}

	private synchronized void due() {
		this.waiting = false;
		if (this.newest > this.reported) {
			report(this.clock.getAsLong());
		}
	}

	private void report(long now) {
		this.reported = this.newest;
		this.reportedMicros = now;
		this.report.accept(this.newest);
	}

}
