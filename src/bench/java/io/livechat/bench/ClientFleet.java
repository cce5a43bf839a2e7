package io.livechat.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A run's clients and the few threads they share: those of one {@link SocketConnector} (the
 * JDK's WebSocket client on two threads and its selector, or with {@code --deflate} the tool's
 * own on two), and one scheduler thread for heart-beats, the pacer, CPU samples and, with
 * {@code --reads}, the clients' paced reads. Client i
 * connects to URL {@code i % urls} and joins room {@code i % rooms}; the senders are the first
 * clients, so with at least one per URL every node has a sender.
 */
final class ClientFleet implements AutoCloseable {

	private static final long HEARTBEAT_TICK_MILLIS = 250;

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

	private final Run run;

	private final Options options;

	private final SocketConnector connector;

	private final ScheduledExecutorService scheduler;

	private final List<LoadClient> clients = new ArrayList<>();

	private final int senders;

	private final ScheduledFuture<?> heartbeats;

	private int heartbeatCursor;

	ClientFleet(Run run, Options options, int senders) {
		this.run = run;
		this.options = options;
		this.connector = SocketConnector.of(options);
		this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("loadgen-scheduler-"));
		ReadReporter.Timer readTimer = options.reads() ? this::later : null;
		List<URI> urls = options.urls();
		List<String> rooms = options.rooms();
		for (int i = 0; i < options.clients(); i++) {
			int room = i % rooms.size();
			int roomSize = options.clients() / rooms.size() + ((room < options.clients() % rooms.size()) ? 1 : 0);
			this.clients.add(new LoadClient(run, options.protocol(), i, urls.get(i % urls.size()), rooms.get(room),
					roomSize, senders, options.heartbeatMillis(), readTimer));
		}
		this.senders = senders;
		this.heartbeats = (options.heartbeatMillis() > 0) ? this.scheduler.scheduleAtFixedRate(this::heartbeat,
				HEARTBEAT_TICK_MILLIS, HEARTBEAT_TICK_MILLIS, TimeUnit.MILLISECONDS) : null;
	}

	List<LoadClient> clients() {
		return this.clients;
	}

	/** The clients that send: the first ones. */
	List<LoadClient> senders() {
		return this.clients.subList(0, this.senders);
	}

	ScheduledExecutorService scheduler() {
		return this.scheduler;
	}

	/**
	 * Starts every client, at most {@code concurrency} connecting at once, and waits until each
	 * has joined or failed, or the deadline; clients still waiting then count as timed out.
	 */
	JoinStats join(int concurrency, Deadline deadline) throws InterruptedException {
		for (URI url : new LinkedHashSet<>(this.options.urls())) {
			checkReachable(url, deadline);
		}
		long startMicros = MicroClock.now();
		Semaphore connecting = new Semaphore(concurrency);
		for (LoadClient client : this.clients) {
			if (!connecting.tryAcquire(deadline.remainingNanos(), TimeUnit.NANOSECONDS)) {
				break;
			}
			client.joined().whenComplete((joined, failure) -> connecting.release());
			client.start(this.connector);
		}
		for (LoadClient client : this.clients) {
			try {
				client.joined().get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
			}
			catch (ExecutionException ex) {
				// counted below
			}
			catch (TimeoutException ex) {
				break;
			}
		}
		LatencyHistogram perClient = new LatencyHistogram();
		Map<String, Long> failures = new TreeMap<>();
		long lastJoinedMicros = startMicros;
		int joined = 0;
		for (LoadClient client : this.clients) {
			client.fail("no joined reply within " + this.options.joinTimeout().toSeconds() + " s");
			String failure = client.failure();
			if (failure == null) {
				joined++;
				perClient.record(client.joinedMicros() - client.startedMicros());
				lastJoinedMicros = Math.max(lastJoinedMicros, client.joinedMicros());
			}
			else {
				failures.merge((this.options.urls().size() > 1) ? client.url() + " " + failure : failure, 1L, Long::sum);
			}
		}
		return new JoinStats(this.clients.size(), joined, failures, (lastJoinedMicros - startMicros) / 1000.0,
				perClient.summary());
	}

	/**
	 * Opens and drops one WebSocket before the clients start, so that an absent server is
	 * reported at once and the WebSocket client has warmed up (SSL context, classes) outside the
	 * measured joins.
	 */
	private void checkReachable(URI url, Deadline deadline) throws InterruptedException {
		CompletableFuture<ClientSocket> opened = new CompletableFuture<>();
		try {
			this.connector.connect(url, this.options.protocol().subprotocol(), Duration.ofSeconds(15), new Probe(opened))
				.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
			opened.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS).abort();
		}
		catch (ExecutionException ex) {
			throw new LoadException("The server at " + url + " is unreachable: " + LoadClient.describe(ex));
		}
		catch (TimeoutException ex) {
			throw new LoadException("The server at " + url + " did not answer a WebSocket handshake in time");
		}
	}

	/** Waits until no frame has arrived for {@code quiet} (join broadcasts drained), or the deadline. */
	void awaitQuiet(Duration quiet, Deadline deadline) throws InterruptedException {
		long frames = this.run.framesReceived();
		long quietSince = System.nanoTime();
		while (System.nanoTime() - quietSince < quiet.toNanos() && !deadline.passed()) {
			Thread.sleep(50);
			long now = this.run.framesReceived();
			if (now != frames) {
				frames = now;
				quietSince = System.nanoTime();
			}
		}
	}

	/** How many clients' latest user list names every client of the run in their room. */
	int seeingWholeRoom() {
		return (int) this.clients.stream().filter(LoadClient::seesWholeRoom).count();
	}

	double usersEventsPerClient() {
		return this.clients.stream().mapToLong(LoadClient::usersEvents).average().orElse(0);
	}

	/** Clients per room that joined and are still connected. */
	Map<String, Integer> connectedPerRoom() {
		Map<String, Integer> perRoom = new TreeMap<>();
		for (LoadClient client : this.clients) {
			if (client.hasJoined() && client.isOpen()) {
				perRoom.merge(client.room(), 1, Integer::sum);
			}
		}
		return perRoom;
	}

	long late() {
		return this.clients.stream().mapToLong((client) -> client.sequences().late()).sum();
	}

	long duplicates() {
		return this.clients.stream().mapToLong((client) -> client.sequences().duplicates()).sum();
	}

	long readsSentMeasured() {
		return this.clients.stream().mapToLong(LoadClient::readsSentMeasured).sum();
	}

	long readsEventsMeasured() {
		return this.clients.stream().mapToLong(LoadClient::readsEventsMeasured).sum();
	}

	/** Runs {@code task} on the scheduler after {@code delayMicros}; not at all once the fleet is closing. */
	private void later(long delayMicros, Runnable task) {
		try {
			this.scheduler.schedule(task, delayMicros, TimeUnit.MICROSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// shut down: the run is over
		}
	}

	/** Sends each joined client a heart-beat once per interval, a slice of them every tick. */
	private void heartbeat() {
		long ticksPerInterval = Math.max(1, this.options.heartbeatMillis() / HEARTBEAT_TICK_MILLIS);
		int slice = (int) Math.ceil(this.clients.size() / (double) ticksPerInterval);
		for (int i = 0; i < slice; i++) {
			LoadClient client = this.clients.get(this.heartbeatCursor);
			this.heartbeatCursor = (this.heartbeatCursor + 1) % this.clients.size();
			if (client.hasJoined()) {
				client.heartbeat();
			}
		}
	}

	/** Closes every socket (1000), waits a few seconds for the server's replies, aborts the rest. */
	@Override
	public void close() {
		if (this.heartbeats != null) {
			this.heartbeats.cancel(false);
		}
		List<CompletableFuture<Integer>> closed = new ArrayList<>();
		for (LoadClient client : this.clients) {
			closed.add(client.close());
		}
		try {
			CompletableFuture.allOf(closed.toArray(CompletableFuture[]::new))
				.get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			// aborted below
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.clients.forEach(LoadClient::abort);
		this.scheduler.shutdownNow();
		this.connector.close();
	}

	static ThreadFactory daemon(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/** The reachability check's listener: it only waits for the socket to open. */
	private record Probe(CompletableFuture<ClientSocket> opened) implements SocketListener {

		@Override
		public void onOpen(ClientSocket socket, String extensions) {
			this.opened.complete(socket);
		}

		@Override
		public void onText(CharSequence data, boolean last) {
		}

		@Override
		public void onClose(int statusCode, String reason) {
		}

		@Override
		public void onError(Throwable error) {
		}

		@Override
		public void onSendFailed(Throwable failure) {
		}

	}

}
