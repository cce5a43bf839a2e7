package io.livechat.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * N clients join, the first S send R messages a second in total; every delivery is checked
 * against its sender's sequence and, inside the measured window, timed from its intended send
 * time. Step mode runs each rate in turn on the same clients and stops at the first step that
 * fails the bound. With {@code --reads} every client also reports what it has read, as the page
 * does, and the step counts the reads sent and the {@code reads} events received.
 */
final class FanoutScenario {

	static final Duration QUIET = Duration.ofSeconds(1);

	private static final long STEP_LEAD_MICROS = 200_000;

	private static final int SENDS_PER_SECOND_ALLOWED = 5;

	private final Options options;

	private final Run run;

	private final ServerProbe server;

	private final Progress progress;

	FanoutScenario(Options options, Run run, Progress progress) {
		this.options = options;
		this.run = run;
		this.server = new ServerProbe(options.serverPids());
		this.progress = progress;
	}

	/** Runs every step, handing each to {@code onStep} as it ends. */
	FanoutResult run(BiConsumer<FanoutResult.Joining, StepResult> onStep) throws InterruptedException {
		Deadline deadline = Deadline.after(this.options.runTimeout());
		warnAboutTheRateLimit();
		try (ClientFleet fleet = new ClientFleet(this.run, this.options, this.options.senders())) {
			this.progress.say("connecting %d clients to %s", this.options.clients(), this.options.urlList());
			JoinStats join = fleet.join(this.options.concurrency(), deadline.within(this.options.joinTimeout()));
			if (join.failed() > 0) {
				throw new LoadException(JoinFailures.describe(join, this.options.urlList()));
			}
			fleet.awaitQuiet(QUIET, deadline.within(this.options.settleTimeout()));
			FanoutResult.Joining joining = new FanoutResult.Joining(join, fleet.seeingWholeRoom(),
					fleet.usersEventsPerClient());
			this.progress.say("%d joined in %.0f ms", join.joined(), join.wallMillis());
			List<LoadClient> senders = fleet.senders();
			long[] sequences = new long[senders.size()];
			List<StepResult> steps = new ArrayList<>();
			StepResult knee = null;
			String firstFailure = null;
			for (double rate : this.options.rates()) {
				this.progress.say("step %d: %s msg/s for %.0f s after %.0f s of warm-up", steps.size() + 1, rate,
						Options.seconds(this.options.duration()), Options.seconds(this.options.warmup()));
				StepResult step = step(steps.size() + 1, rate, fleet, senders, sequences, deadline);
				steps.add(step);
				onStep.accept(joining, step);
				String failure = step.failure(this.options.p99LimitMillis());
				if (this.options.stepMode() && failure != null) {
					firstFailure = failure;
					break;
				}
				knee = (failure == null) ? step : knee;
				if (steps.size() < this.options.rates().size()) {
					fleet.awaitQuiet(QUIET, deadline.within(Duration.ofSeconds(30)));
				}
			}
			StepResult firstFailed = (firstFailure != null) ? steps.get(steps.size() - 1) : null;
			return new FanoutResult(joining, steps, knee, firstFailed, firstFailure);
		}
	}

	private StepResult step(int number, double rate, ClientFleet fleet, List<LoadClient> senders, long[] sequences,
			Deadline deadline) throws InterruptedException {
		long start = MicroClock.now() + STEP_LEAD_MICROS;
		long from = start + micros(this.options.warmup());
		MeasureWindow window = new MeasureWindow(from, from + micros(this.options.duration()), new LatencyRecorder());
		Map<String, Integer> receivers = fleet.connectedPerRoom();
		if (senders.stream().noneMatch(LoadClient::isOpen)) {
			throw new LoadException("Every sender's connection has closed; incidents so far: "
					+ this.run.incidents().snapshot());
		}
		Map<String, Long> incidentsBefore = this.run.incidents().snapshot();
		long lateBefore = fleet.late();
		long duplicatesBefore = fleet.duplicates();
		long readsSentBefore = fleet.readsSentMeasured();
		long readsEventsBefore = fleet.readsEventsMeasured();
		this.run.measure(window);
		ScheduledFuture<CpuSample> cpuStart = sampleAt(fleet, window.fromMicros());
		ScheduledFuture<CpuSample> cpuEnd = sampleAt(fleet, window.toMicros());
		Pacer.Sent sent = await(new Pacer(this.run, senders, sequences, rate, start, window, fleet.scheduler()).start(),
				deadline, "the senders");
		long expected = 0;
		for (Map.Entry<String, Long> room : sent.measuredPerRoom().entrySet()) {
			expected += room.getValue() * receivers.getOrDefault(room.getKey(), 0);
		}
		CpuSample cpuFrom = await(cpuStart, deadline, "a CPU sample");
		CpuSample cpuTo = await(cpuEnd, deadline, "a CPU sample");
		long drainStart = System.nanoTime();
		Deadline drain = deadline.within(this.options.drain());
		while (window.latencies().count() < expected && !drain.passed()) {
			Thread.sleep(5);
		}
		double drainMillis = (System.nanoTime() - drainStart) / 1e6;
		LatencyHistogram latencies = window.latencies().merged();
		CpuUse cpu = CpuUse.between(cpuFrom, cpuTo, latencies.count(), ServerProbe.ticksPerSecondInUse());
		return new StepResult(number, rate, senders.size(), sent.total(), sent.skipped(), sent.measured(), expected,
				receivers.values().stream().mapToInt(Integer::intValue).sum(), latencies.count(),
				fleet.late() - lateBefore, fleet.duplicates() - duplicatesBefore,
				fleet.readsSentMeasured() - readsSentBefore, fleet.readsEventsMeasured() - readsEventsBefore,
				Options.seconds(this.options.duration()),
				latencies.summary(), sent.lag(), Incidents.since(incidentsBefore, this.run.incidents().snapshot()),
				cpu, this.server.processes(cpu), this.server.threads(), drainMillis);
	}

	/** LiveChat's limit on sends per connection; the Socket.io reference chat has none. */
	private void warnAboutTheRateLimit() {
		if (this.options.protocol() != Options.Protocol.STOMP) {
			return;
		}
		double perSender = this.options.rates().stream().mapToDouble(Double::doubleValue).max().orElse(0)
				/ this.options.senders();
		if (perSender > SENDS_PER_SECOND_ALLOWED) {
			this.progress.say("warning: %.1f messages/s per sender; the server allows %d/s per connection (burst 20),"
					+ " so expect rate-limited errors and losses", perSender, SENDS_PER_SECOND_ALLOWED);
		}
	}

	private ScheduledFuture<CpuSample> sampleAt(ClientFleet fleet, long atMicros) {
		return fleet.scheduler()
			.schedule(() -> CpuSample.take(this.server), atMicros - MicroClock.now(), TimeUnit.MICROSECONDS);
	}

	private static <T> T await(Future<T> future, Deadline deadline, String what)
			throws InterruptedException {
		try {
			return future.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			throw new LoadException("Failed waiting for " + what + ": " + LoadClient.describe(ex));
		}
		catch (TimeoutException ex) {
			throw new LoadException("Timed out waiting for " + what);
		}
	}

	private static long micros(Duration duration) {
		return duration.toNanos() / 1000;
	}

}
