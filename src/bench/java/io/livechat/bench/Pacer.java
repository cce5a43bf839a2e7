package io.livechat.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends one step's messages at their intended times: message k at {@code start + k / rate},
 * from sender {@code k % senders}, until the end of the measured window. Runs on the fleet's
 * scheduler thread and wakes up only when a message is due. A late wake-up sends what is
 * overdue at once, stamped with the times it was meant for.
 */
final class Pacer {

	private final Run run;

	private final List<LoadClient> senders;

	private final long[] sequences;

	private final double rate;

	private final long startMicros;

	private final MeasureWindow window;

	private final ScheduledExecutorService scheduler;

	private final CompletableFuture<Sent> done = new CompletableFuture<>();

	private final LatencyHistogram lag = new LatencyHistogram();

	private final Map<String, Long> measuredPerRoom = new TreeMap<>();

	private long next;

	private long sent;

	private long skipped;

	/**
	 * @param sequences the last number each sender used, carried from step to step
	 */
	Pacer(Run run, List<LoadClient> senders, long[] sequences, double rate, long startMicros, MeasureWindow window,
			ScheduledExecutorService scheduler) {
		this.run = run;
		this.senders = senders;
		this.sequences = sequences;
		this.rate = rate;
		this.startMicros = startMicros;
		this.window = window;
		this.scheduler = scheduler;
	}

	/** What one step sent. */
	record Sent(long total, long skipped, Map<String, Long> measuredPerRoom, LatencySummary lag) {

		long measured() {
			return this.measuredPerRoom.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	CompletableFuture<Sent> start() {
		this.scheduler.execute(this::tick);
		return this.done;
	}

	private void tick() {
		try {
			while (true) {
				long intended = this.startMicros + Math.round(this.next * 1e6 / this.rate);
				if (intended >= this.window.toMicros()) {
					this.done.complete(new Sent(this.sent, this.skipped, this.measuredPerRoom, this.lag.summary()));
					return;
				}
				long now = MicroClock.now();
				if (intended > now) {
					this.scheduler.schedule(this::tick, intended - now, TimeUnit.MICROSECONDS);
					return;
				}
				send(intended, now);
				this.next++;
			}
		}
		catch (RuntimeException ex) {
			this.done.completeExceptionally(ex);
		}
	}

	private void send(long intended, long now) {
		int index = (int) (this.next % this.senders.size());
		LoadClient sender = this.senders.get(index);
		if (!sender.isOpen()) {
			this.skipped++;
			return;
		}
		sender.sendChat(Mark.text(this.run.id(), index, ++this.sequences[index], intended));
		this.lag.record(now - intended);
		this.sent++;
		if (this.window.contains(intended)) {
			this.measuredPerRoom.merge(sender.room(), 1L, Long::sum);
		}
	}

}
