package io.livechat.stomp;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;

import io.livechat.config.LiveChatProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that never read their sockets, more of them than the server has threads to write
 * with, are dropped, and nobody else waits for them meanwhile. One room is busy: 120 senders post
 * 4 messages of 1,000 characters a second each (480 a second, each to some 144 connections), and
 * 24 of its members never read. A healthy client in that room, and one alone in another room,
 * keep getting their own messages back promptly; no healthy client loses a message or its
 * connection.
 * <p>
 * Before the clients that never read join, the load warms up for {@value #WARM_UP_SECONDS} s,
 * rising to its full rate over the first half (meanwhile the JIT compiles the server's and the
 * generator's code, as it has after other tests); then it runs for 40 s with them.
 * Server and load generator share one JVM and the machine's cores, so the test logs the CPU each
 * used and how late the senders sent, beside the round trips: a run on a machine too small for
 * the load says so.
 */
class StalledReadersTest extends EndToEndTest {

	private static final Logger logger = LoggerFactory.getLogger(StalledReadersTest.class);

	private static final String BUSY_ROOM = "general";

	private static final String QUIET_ROOM = "tech";

	private static final int STALLED = 24;

	private static final int SENDERS = 120;

	private static final int WARM_UP_SECONDS = 8;

	private static final Duration WARM_UP = Duration.ofSeconds(WARM_UP_SECONDS);

	private static final Duration LOAD = Duration.ofSeconds(40);

	/** 4 a second, within the per-connection and per-person limits (5 a second, bursts of 20). */
	private static final Duration SENDER_INTERVAL = Duration.ofMillis(250);

	private static final Duration PROBE_INTERVAL = Duration.ofMillis(500);

	/** Sender numbers: the senders are 0 to 119, then come the two probes. */
	private static final int BUSY_PROBE = SENDERS;

	private static final int QUIET_PROBE = SENDERS + 1;

	private static final long BUSY_P95_MS = 500;

	private static final long BUSY_MAX_MS = 1500;

	private static final long QUIET_P95_MS = 300;

	private static final long QUIET_MAX_MS = 1000;

	/** Time the healthy clients have, after the last message was sent, to receive everything. */
	private static final Duration DELIVERY = Duration.ofSeconds(5);

	/** Each client's padding text, masking keys and handshake nonce come from this and its number. */
	private static final long SEED = 20_240_480L;

	private static final Duration TIMELINE_STEP = Duration.ofSeconds(5);

	/**
	 * More CPU than this (percent of a core) taken by other processes during the load, or senders
	 * later than this, and the log warns that the machine was busy. The load alone keeps two cores
	 * about busy (with no client stalled, a server on the blocking write path took some 140% of a
	 * core, the generator 55-60%).
	 */
	private static final double OTHERS_PERCENT_NOTED = 25;

	private static final Duration SENDER_LAG_NOTED = Duration.ofMillis(100);

	@Autowired
	ConnectionGuard guard;

	@Autowired
	MeterRegistry meters;

	@Autowired
	LiveChatProperties properties;

	@Test
	void clientsThatNeverReadAreDroppedAndNobodyElseWaitsLosesAMessageOrIsDropped() throws Exception {
		assertThat(LOAD).as("the load ends before the idle limit could close the clients that never read")
			.isLessThan(this.properties.limits().idleTimeout());
		int connectionsBefore = this.guard.openConnections();
		List<CountingClient> healthy = joinHealthyClients();
		CountingClient busyProbe = healthy.get(BUSY_PROBE);
		CountingClient quietProbe = healthy.get(QUIET_PROBE);
		warmUp(healthy);
		double dropsBefore = drops();
		for (int i = 0; i < STALLED; i++) {
			neverReading(i);
		}
		Awaitility.await().atMost(ChatClient.TIMEOUT).until(() -> stalledInBusyRoom() == STALLED);

		Load load = new Load(healthy, LOAD, Duration.ZERO);
		Outcome outcome;
		try {
			load.run();
			int stalledGone = STALLED - stalledInBusyRoom();
			boolean delivered = awaitQuietly(DELIVERY, () -> everythingDelivered(healthy));
			outcome = new Outcome(load.roundTrips(busyProbe, (intended) -> true),
					load.roundTrips(quietProbe, (intended) -> true), stalledGone, drops() - dropsBefore,
					closedByTheServer(healthy, load), incomplete(healthy), errors(healthy), delivered);
		}
		finally {
			load.stop();
		}
		load.report(outcome);

		SoftAssertions.assertSoftly((softly) -> {
			softly.assertThat(outcome.stalledGone()).as("stalled clients gone from %s by the end of the load", BUSY_ROOM)
				.isEqualTo(STALLED);
			softly.assertThat(outcome.dropped()).as("connections dropped as slow consumers").isEqualTo(STALLED);
			softly.assertThat(this.guard.openConnections())
				.as("open connections: the healthy ones only")
				.isEqualTo(connectionsBefore + healthy.size());
			RoundTrips busy = outcome.busy();
			softly.assertThat(busy.p95()).as("round trip p95 in the busy room, ms (%s)", busy).isLessThan(BUSY_P95_MS);
			softly.assertThat(busy.max()).as("round trip max in the busy room, ms (%s)", busy).isLessThan(BUSY_MAX_MS);
			RoundTrips quiet = outcome.quiet();
			softly.assertThat(quiet.p95()).as("round trip p95 in the quiet room, ms (%s)", quiet).isLessThan(QUIET_P95_MS);
			softly.assertThat(quiet.max()).as("round trip max in the quiet room, ms (%s)", quiet).isLessThan(QUIET_MAX_MS);
			softly.assertThat(abridged(outcome.closed())).as("healthy clients closed by the server").isEmpty();
			softly.assertThat(abridged(outcome.incomplete())).as("healthy clients that missed messages of their room")
				.isEmpty();
			softly.assertThat(abridged(outcome.errors())).as("healthy clients told of an error").isEmpty();
		});
	}

	/** The senders and the busy room's probe in the busy room, the other probe alone in the quiet one. */
	private List<CountingClient> joinHealthyClients() throws Exception {
		long start = System.nanoTime();
		int senderMessages = messages(WARM_UP.plus(LOAD), SENDER_INTERVAL);
		int probeMessages = messages(WARM_UP.plus(LOAD), PROBE_INTERVAL);
		List<Callable<CountingClient>> joins = new ArrayList<>();
		for (int i = 0; i < SENDERS; i++) {
			joins.add(joining(i, senderMessages, BUSY_ROOM));
		}
		joins.add(joining(BUSY_PROBE, probeMessages, BUSY_ROOM));
		joins.add(joining(QUIET_PROBE, probeMessages, QUIET_ROOM));
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<CountingClient> joined = new ArrayList<>();
			Exception failure = null;
			for (Future<CountingClient> join : pool.invokeAll(joins, 60, TimeUnit.SECONDS)) {
				try {
					joined.add(track(join.get())); // each one, to be closed after the test even if another failed
				}
				catch (ExecutionException | CancellationException ex) {
					failure = (failure != null) ? failure : ex;
				}
			}
			if (failure != null) {
				throw failure;
			}
			logger.info("Stalled readers: {} healthy clients joined in {} ms", joined.size(), millisSince(start));
			return joined;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Callable<CountingClient> joining(int sender, int messages, String room) {
		return () -> CountingClient.join(this.port, sender, SENDERS + 2, messages, name(sender), room, SEED + sender);
	}

	private void warmUp(List<CountingClient> healthy) throws Exception {
		Load warmUp = new Load(healthy, WARM_UP, WARM_UP.dividedBy(2));
		try {
			warmUp.run();
			boolean delivered = awaitQuietly(Duration.ofSeconds(3), () -> everythingDelivered(healthy));
			logger.info("Stalled readers: warm-up ({} s{}): round trips in the busy room {}, in the quiet room {}; CPU {}",
					WARM_UP_SECONDS, delivered ? "" : ", deliveries still outstanding",
					warmUp.roundTrips(healthy.get(BUSY_PROBE), (intended) -> true),
					warmUp.roundTrips(healthy.get(QUIET_PROBE), (intended) -> true), warmUp.cpu());
		}
		finally {
			warmUp.stop();
		}
	}

	/** Joins the busy room with a tiny receive buffer and never reads: its messages pile up. */
	private void neverReading(int index) throws IOException {
		RawWebSocket stalled = track(RawWebSocket.connectStompNeverReading(this.port));
		stalled.sendFrame("SUBSCRIBE\nid:0\ndestination:/topic/" + BUSY_ROOM + "\n\n");
		stalled.sendFrame("SEND\ndestination:/app/join\n\n{\"username\":\"Stalled" + index + "\",\"room\":\""
				+ BUSY_ROOM + "\",\"clientId\":\"stalled-client-" + index + "\"}");
	}

	private int stalledInBusyRoom() {
		return (int) this.rooms.users(BUSY_ROOM).stream().filter((name) -> name.startsWith("Stalled")).count();
	}

	private double drops() {
		return this.meters.counter("livechat.slow.consumer.drops").count();
	}

	/**
	 * Every healthy client still connected has every message said in its room by those still
	 * connected (what a closed one said last may have been written after the server closed it).
	 */
	private static boolean everythingDelivered(List<CountingClient> healthy) {
		for (CountingClient receiver : healthy) {
			if (receiver.isOpen() && missing(receiver, healthy) > 0) {
				return false;
			}
		}
		return true;
	}

	private static int missing(CountingClient receiver, List<CountingClient> healthy) {
		int missing = 0;
		for (CountingClient sender : healthy) {
			if (sender.isOpen() && sender.room().equals(receiver.room())) {
				missing += Math.max(0, sender.said() - receiver.receivedFrom(sender.sender()));
			}
		}
		return missing;
	}

	/** Messages from senders still connected that came to {@code receiver} other than in their order. */
	private static int outOfOrder(CountingClient receiver, List<CountingClient> healthy) {
		int outOfOrder = 0;
		for (CountingClient sender : healthy) {
			if (sender.isOpen()) {
				outOfOrder += receiver.outOfOrderFrom(sender.sender());
			}
		}
		return outOfOrder;
	}

	private static List<String> closedByTheServer(List<CountingClient> healthy, Load load) {
		List<String> closed = new ArrayList<>();
		for (CountingClient client : healthy) {
			if (client.closeCode() != CountingClient.OPEN) {
				long after = client.closedAtNanos() - load.startNanos;
				closed.add(name(client.sender()) + ": close code " + client.closeCode()
						+ ((after >= 0) ? " after " + seconds(after) + " s" : " in the warm-up"));
			}
			else if (client.sendFailure() != null) {
				closed.add(name(client.sender()) + ": " + client.sendFailure());
			}
		}
		return closed;
	}

	/**
	 * Healthy clients, connected to the end, that missed messages of their room or got them out of
	 * order, from senders connected to the end (a closed one's last messages may never have been read).
	 */
	private static List<String> incomplete(List<CountingClient> healthy) {
		List<String> incomplete = new ArrayList<>();
		for (CountingClient receiver : healthy) {
			if (!receiver.isOpen()) {
				continue; // counted among the closed
			}
			int missing = missing(receiver, healthy);
			int outOfOrder = outOfOrder(receiver, healthy);
			if (missing > 0 || outOfOrder > 0) {
				incomplete.add(name(receiver.sender()) + ": " + missing + " missing, " + outOfOrder + " out of order"
						+ ((outOfOrder > 0) ? " (the first " + receiver.firstOutOfOrder() + ")" : ""));
			}
		}
		return incomplete;
	}

	private static List<String> errors(List<CountingClient> healthy) {
		List<String> errors = new ArrayList<>();
		for (CountingClient client : healthy) {
			if (client.errors() > 0) {
				errors.add(name(client.sender()) + ": " + client.errors() + ", the first " + client.firstError());
			}
		}
		return errors;
	}

	private static String name(int sender) {
		return switch (sender) {
			case BUSY_PROBE -> "BusyProbe";
			case QUIET_PROBE -> "QuietProbe";
			default -> "Sender" + sender;
		};
	}

	private static int messages(Duration duration, Duration interval) {
		return (int) (duration.toNanos() / interval.toNanos());
	}

	/** The first ten, and how many more: a failure message that stays readable. */
	private static List<String> abridged(List<String> lines) {
		if (lines.size() <= 10) {
			return lines;
		}
		List<String> first = new ArrayList<>(lines.subList(0, 10));
		first.add("... and " + (lines.size() - 10) + " more");
		return first;
	}

	private static boolean awaitQuietly(Duration atMost, Callable<Boolean> condition) {
		try {
			Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(condition);
			return true;
		}
		catch (ConditionTimeoutException ex) {
			return false;
		}
	}

	private static long millisSince(long nanos) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
	}

	private static String seconds(long nanos) {
		return String.format("%.1f", nanos / 1e9);
	}

	/** The nearest-rank percentile of sorted values; 0 if there are none. */
	private static long percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		return sorted[(int) Math.max(0, Math.ceil(p / 100 * sorted.length) - 1)];
	}

	/**
	 * What the test measured.
	 *
	 * @param stalledGone how many of the stalled clients had left the busy room at the end of the load
	 * @param dropped connections the server counted as dropped slow consumers
	 * @param closed healthy clients whose connection ended, and how
	 * @param incomplete healthy clients connected to the end that missed messages
	 * @param errors healthy clients told of an error
	 * @param delivered whether every healthy client still connected got everything in time
	 */
	record Outcome(RoundTrips busy, RoundTrips quiet, int stalledGone, double dropped, List<String> closed,
			List<String> incomplete, List<String> errors, boolean delivered) {

	}

	/**
	 * A probe's round trips, from writing each of its messages to reading it back, in ms. One that
	 * never came back counts as long as it was waited for.
	 */
	record RoundTrips(int sent, int answered, long p50, long p95, long max, long answeredMax) {

		@Override
		public String toString() {
			return "p50/p95/max " + this.p50 + "/" + this.p95 + "/" + this.max + " ms, " + this.answered + " of "
					+ this.sent + " back (the longest of those " + this.answeredMax + " ms)";
		}

	}

	/**
	 * A stretch of the load: every healthy client says its messages at their intended times, on a
	 * few scheduler threads, while a monitor notes when stalled clients leave the busy room and
	 * what CPU is used.
	 */
	private final class Load {

		private final List<Thread> schedulerThreads = new CopyOnWriteArrayList<>();

		private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(3, (task) -> {
			Thread thread = new Thread(task, "stalled-readers-pacer-" + this.schedulerThreads.size());
			thread.setDaemon(true);
			this.schedulerThreads.add(thread);
			return thread;
		});

		private final List<CountingClient> clients;

		private final Duration length;

		private final List<Pacing> pacings = new ArrayList<>();

		/** When the number of stalled clients in the busy room changed, and to what: {nanos, count}. */
		private final List<long[]> stalledChanges = new CopyOnWriteArrayList<>();

		private final List<CpuSample> cpu = new CopyOnWriteArrayList<>();

		private final long startNanos;

		/**
		 * @param length how long this stretch runs
		 * @param rampUp the senders start one after another over this time at its start (the rate
		 * rises from nothing to the full one), or all at once if it is zero
		 */
		Load(List<CountingClient> clients, Duration length, Duration rampUp) {
			this.clients = clients;
			this.length = length;
			this.startNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
			long senderSpacing = SENDER_INTERVAL.toNanos() / SENDERS;
			for (CountingClient client : clients) {
				int sender = client.sender();
				int skipped = (sender < SENDERS) ? sender * messages(rampUp, SENDER_INTERVAL) / SENDERS : 0;
				long first = switch (sender) {
					case BUSY_PROBE -> this.startNanos + PROBE_INTERVAL.toNanos() / 4;
					case QUIET_PROBE -> this.startNanos + 3 * PROBE_INTERVAL.toNanos() / 4;
					default -> this.startNanos + sender * senderSpacing + skipped * SENDER_INTERVAL.toNanos();
				};
				Duration interval = (sender < SENDERS) ? SENDER_INTERVAL : PROBE_INTERVAL;
				// numbered on from what it said before
				this.pacings.add(new Pacing(client, first, interval, client.said(), messages(length, interval) - skipped,
						this.scheduler));
			}
		}

		/** Sends everything at its time; returns once the last message is sent. */
		void run() throws Exception {
			this.stalledChanges.add(new long[] { System.nanoTime(), stalledInBusyRoom() });
			this.cpu.add(sampleCpu());
			long untilStart = this.startNanos - System.nanoTime();
			this.scheduler.scheduleAtFixedRate(this::watchStalled, untilStart, 100_000_000L, TimeUnit.NANOSECONDS);
			this.scheduler.scheduleAtFixedRate(() -> this.cpu.add(sampleCpu()), untilStart + 1_000_000_000L,
					1_000_000_000L, TimeUnit.NANOSECONDS);
			for (Pacing pacing : this.pacings) {
				pacing.start();
			}
			CompletableFuture.allOf(this.pacings.stream().map(Pacing::done).toArray(CompletableFuture[]::new))
				.get(this.length.plusSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
			this.cpu.add(sampleCpu());
		}

		void stop() {
			this.scheduler.shutdownNow();
		}

		/** The round trips of a probe's messages in this stretch whose intended times pass the test. */
		RoundTrips roundTrips(CountingClient probe, LongPredicate intended) {
			Pacing pacing = pacing(probe);
			long waitedUntil = System.nanoTime();
			List<Long> millis = new ArrayList<>();
			int answered = 0;
			long answeredMax = 0;
			for (int seq = pacing.firstSeq; seq < pacing.endSeq(); seq++) {
				long sentAt = probe.sentAt(seq);
				if (sentAt == 0 || !intended.test(pacing.intendedNanos(seq))) {
					continue;
				}
				long returnedAt = probe.returnedAt(seq);
				long roundTrip = TimeUnit.NANOSECONDS.toMillis(((returnedAt != 0) ? returnedAt : waitedUntil) - sentAt);
				millis.add(roundTrip);
				if (returnedAt != 0) {
					answered++;
					answeredMax = Math.max(answeredMax, roundTrip);
				}
			}
			long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
			return new RoundTrips(sorted.length, answered, percentile(sorted, 50), percentile(sorted, 95),
					percentile(sorted, 100), answeredMax);
		}

		/** The CPU used from the start to the end of this stretch. */
		String cpu() {
			return CpuSample.use(this.cpu.get(0), this.cpu.get(this.cpu.size() - 1));
		}

		/** What other processes took of the machine during this stretch, in percent of one core. */
		double othersPercent() {
			return CpuSample.othersPercent(this.cpu.get(0), this.cpu.get(this.cpu.size() - 1));
		}

		/** Logs the figures: what a failing run needs to say how far off it was, and why. */
		void report(Outcome outcome) {
			RoundTrips busy = outcome.busy();
			RoundTrips quiet = outcome.quiet();
			logger.info("Stalled readers: round trip in the busy room {} (target p95 < {}, max < {}); in the quiet room "
					+ "{} (target p95 < {}, max < {})", busy, BUSY_P95_MS, BUSY_MAX_MS, quiet, QUIET_P95_MS, QUIET_MAX_MS);
			logger.info("Stalled readers: {} of {} stalled clients gone from the room by the end of the load, the "
					+ "first after {} s, the last after {} s; {} connections counted as dropped slow consumers",
					outcome.stalledGone(), STALLED, firstDrop(), lastDrop(), (long) outcome.dropped());
			logger.info("Stalled readers: healthy clients closed by the server: {} {}; connected to the end but "
					+ "missing messages: {} {}{}; told of an error: {} {}", outcome.closed().size(),
					abridged(outcome.closed()), outcome.incomplete().size(), abridged(outcome.incomplete()),
					outcome.delivered() ? "" : " (still outstanding " + DELIVERY.toSeconds() + " s after the last send)",
					outcome.errors().size(), abridged(outcome.errors()));
			List<Pacing> senders = this.pacings.stream().filter((pacing) -> pacing.client.sender() < SENDERS).toList();
			long[] lags = senders.stream()
				.flatMapToLong((pacing) -> Arrays.stream(pacing.lagNanos))
				.filter((lag) -> lag != Pacing.NOT_SAID)
				.sorted()
				.toArray();
			logger.info("Stalled readers: the senders said {} of {} messages, behind their intended times by "
					+ "p50/p99/max {}/{}/{} ms; CPU during the load: {}", lags.length, SENDERS * messages(LOAD, SENDER_INTERVAL),
					TimeUnit.NANOSECONDS.toMillis(percentile(lags, 50)), TimeUnit.NANOSECONDS.toMillis(percentile(lags, 99)),
					TimeUnit.NANOSECONDS.toMillis(percentile(lags, 100)), cpu());
			if (othersPercent() > OTHERS_PERCENT_NOTED || percentile(lags, 99) > SENDER_LAG_NOTED.toNanos()) {
				logger.warn("Stalled readers: other processes took {}% of a core and the senders were {} ms late (p99): "
						+ "the figures may tell of this machine's load as much as of the server", Math.round(othersPercent()),
						TimeUnit.NANOSECONDS.toMillis(percentile(lags, 99)));
			}
			for (long from = 0; from < this.length.toNanos(); from += TIMELINE_STEP.toNanos()) {
				long windowStart = this.startNanos + from;
				long windowEnd = windowStart + TIMELINE_STEP.toNanos();
				LongPredicate inWindow = (intended) -> intended >= windowStart && intended < windowEnd;
				RoundTrips busyInWindow = roundTrips(client(BUSY_PROBE), inWindow);
				RoundTrips quietInWindow = roundTrips(client(QUIET_PROBE), inWindow);
				long lagMax = senders.stream().mapToLong((pacing) -> pacing.maxLagNanos(inWindow)).max().orElse(0);
				logger.info("Stalled readers, {}-{} s: round trip max {} ms in the busy room ({} of {} back, the longest "
						+ "of those {} ms), {} ms in the quiet room ({} of {}); senders' lag max {} ms; stalled clients in "
						+ "the room at the end {}; CPU {}", TimeUnit.NANOSECONDS.toSeconds(from),
						TimeUnit.NANOSECONDS.toSeconds(from + TIMELINE_STEP.toNanos()), busyInWindow.max(),
						busyInWindow.answered(), busyInWindow.sent(), busyInWindow.answeredMax(), quietInWindow.max(),
						quietInWindow.answered(), quietInWindow.sent(), TimeUnit.NANOSECONDS.toMillis(lagMax),
						stalledAt(windowEnd), CpuSample.use(cpuAt(windowStart), cpuAt(windowEnd)));
			}
		}

		private CountingClient client(int sender) {
			return this.clients.get(sender);
		}

		private Pacing pacing(CountingClient client) {
			return this.pacings.stream().filter((pacing) -> pacing.client == client).findFirst().orElseThrow();
		}

		private CpuSample sampleCpu() {
			return CpuSample.take(this.schedulerThreads, this.clients);
		}

		private void watchStalled() {
			int stalled = stalledInBusyRoom();
			if (this.stalledChanges.get(this.stalledChanges.size() - 1)[1] != stalled) {
				this.stalledChanges.add(new long[] { System.nanoTime(), stalled });
			}
		}

		private String firstDrop() {
			return this.stalledChanges.stream()
				.filter((change) -> change[1] < STALLED)
				.findFirst()
				.map((change) -> seconds(change[0] - this.startNanos))
				.orElse("-");
		}

		private String lastDrop() {
			long[] last = this.stalledChanges.get(this.stalledChanges.size() - 1);
			return (last[1] == 0) ? seconds(last[0] - this.startNanos) : "-";
		}

		private long stalledAt(long nanos) {
			long stalled = this.stalledChanges.get(0)[1];
			for (long[] change : this.stalledChanges) {
				if (change[0] <= nanos) {
					stalled = change[1];
				}
			}
			return stalled;
		}

		private CpuSample cpuAt(long nanos) {
			CpuSample nearest = this.cpu.get(0);
			for (CpuSample sample : this.cpu) {
				if (Math.abs(sample.nanos() - nanos) < Math.abs(nearest.nanos() - nanos)) {
					nearest = sample;
				}
			}
			return nearest;
		}

	}

	/**
	 * One client's schedule: its messages {@code firstSeq, firstSeq + 1, ...} at {@code first + k *
	 * interval}, each scheduled from its intended time (a late one does not delay the next), one at
	 * a time (so in order).
	 */
	private static final class Pacing implements Runnable {

		static final long NOT_SAID = Long.MIN_VALUE;

		private final CountingClient client;

		private final long firstNanos;

		private final long intervalNanos;

		private final int firstSeq;

		private final ScheduledExecutorService scheduler;

		/** How late each message was said; {@link #NOT_SAID} for one not said (the connection had ended). */
		private final long[] lagNanos;

		private final CompletableFuture<Void> done = new CompletableFuture<>();

		/** Touched by one task at a time, each scheduled by the one before. */
		private int next;

		Pacing(CountingClient client, long firstNanos, Duration interval, int firstSeq, int messages,
				ScheduledExecutorService scheduler) {
			this.client = client;
			this.firstNanos = firstNanos;
			this.intervalNanos = interval.toNanos();
			this.firstSeq = firstSeq;
			this.scheduler = scheduler;
			this.lagNanos = new long[messages];
		}

		void start() {
			this.scheduler.schedule(this, this.firstNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
		}

		@Override
		public void run() {
			try {
				int k = this.next++;
				long intended = this.firstNanos + k * this.intervalNanos;
				this.lagNanos[k] = System.nanoTime() - intended;
				if (!this.client.say(this.firstSeq + k)) {
					this.lagNanos[k] = NOT_SAID;
				}
				if (this.next == this.lagNanos.length) {
					this.done.complete(null);
					return;
				}
				this.scheduler.schedule(this, intended + this.intervalNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
			}
			catch (RuntimeException ex) {
				this.done.completeExceptionally(ex);
			}
		}

		int endSeq() {
			return this.firstSeq + this.lagNanos.length;
		}

		long intendedNanos(int seq) {
			return this.firstNanos + (seq - this.firstSeq) * this.intervalNanos;
		}

		CompletableFuture<Void> done() {
			return this.done;
		}

		long maxLagNanos(LongPredicate intended) {
			long max = 0;
			for (int k = 0; k < this.lagNanos.length; k++) {
				if (intended.test(this.firstNanos + k * this.intervalNanos)) {
					max = Math.max(max, this.lagNanos[k]);
				}
			}
			return max;
		}

	}

}
