package io.livechat.stomp;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Floods of connections and of messages are absorbed or refused cleanly, and a well-behaved
 * client keeps getting its messages back within {@value #ROUND_TRIP_BOUND_MS} ms throughout.
 */
@TestPropertySource(properties = { "livechat.limits.max-connections=500", "livechat.limits.connect-timeout=60s" })
class FloodsTest extends EndToEndTest {

	static final long ROUND_TRIP_BOUND_MS = 1000;

	private static final Logger logger = LoggerFactory.getLogger(FloodsTest.class);

	@Autowired
	ConnectionGuard guard;

	@Test
	void aConnectionStormBeyondTheCapIsRefusedWithTryAgainLater() throws Exception {
		ChatClient bystander = client();
		bystander.join("Bystander", "general");
		int storm = 3000;
		ConcurrentLinkedQueue<RawWebSocket> kept = new ConcurrentLinkedQueue<>();
		AtomicInteger refusedWith1013 = new AtomicInteger();
		AtomicInteger otherOutcomes = new AtomicInteger();
		AtomicInteger opened = new AtomicInteger();
		RoundTrips roundTrips = new RoundTrips(bystander);

		ExecutorService pool = Executors.newFixedThreadPool(32);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < storm; i++) {
				done.add(pool.submit(() -> {
					try {
						RawWebSocket ws = RawWebSocket.open(this.port, "/ws");
						opened.incrementAndGet();
						kept.add(ws);
					}
					catch (IOException ex) {
						otherOutcomes.incrementAndGet();
					}
					return null;
				}));
			}
			roundTrips.measureUntil(() -> done.stream().allMatch(Future::isDone));
			for (Future<?> future : done) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		// the refused ones were closed right after the handshake, with 1013
		for (RawWebSocket ws : kept) {
			if (ws.closedWith(Duration.ofMillis(20)) == 1013) {
				refusedWith1013.incrementAndGet();
				ws.close();
			}
		}

		logger.info("Connection storm: {} opened, {} refused with 1013, {} kept; bystander round trip worst {} ms over {} probes",
				opened.get(), refusedWith1013.get(), this.guard.openConnections() - 1, roundTrips.worstMillis(),
				roundTrips.count());
		assertThat(opened.get()).isEqualTo(storm);
		assertThat(otherOutcomes.get()).isZero();
		assertThat(this.guard.openConnections()).isEqualTo(500);
		assertThat(refusedWith1013.get()).isEqualTo(storm - 499);
		assertThat(roundTrips.worstMillis()).isLessThan(ROUND_TRIP_BOUND_MS);
		assertThat(roundTrips.count()).isPositive();
		for (RawWebSocket ws : kept) {
			ws.close();
		}
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.guard.openConnections() == 1);
	}

	@Test
	void aMessageFloodIsContainedByTheRateLimits() throws Exception {
		ChatClient bystander = client();
		bystander.join("Bystander", "tech");
		int flooders = 40;
		int perFlooder = 100;
		long pauseNanos = TimeUnit.MILLISECONDS.toNanos(30); // 33 a second each: six times the limit, for 3 s
		List<ChatClient> clients = new ArrayList<>();
		for (int i = 0; i < flooders; i++) {
			ChatClient flooder = client();
			flooder.subscribe("/user/queue/events");
			flooder.sendJoin("Flooder" + i, "tech", null);
			flooder.take("joined");
			clients.add(flooder);
		}
		RoundTrips roundTrips = new RoundTrips(bystander);
		long before = System.nanoTime();

		ExecutorService pool = Executors.newFixedThreadPool(flooders);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (ChatClient flooder : clients) {
				done.add(pool.submit(() -> {
					for (int n = 0; n < perFlooder; n++) {
						flooder.say("tech", "flood " + n);
						LockSupport.parkNanos(pauseNanos);
					}
				}));
			}
			roundTrips.measureUntil(() -> done.stream().allMatch(Future::isDone));
			for (Future<?> future : done) {
				future.get(); // a flooder that failed would make this flood smaller than meant
			}
		}
		finally {
			pool.shutdown();
			pool.awaitTermination(30, TimeUnit.SECONDS);
		}
		double seconds = (System.nanoTime() - before) / 1e9;

		for (ChatClient flooder : clients) {
			Awaitility.await().atMost(Duration.ofSeconds(20))
				.until(() -> flooder.all((r) -> r.type().equals("error")).size() >= perFlooder - 20 - (int) (5 * seconds) - 5);
		}
		int accepted = (int) bystander.messages("tech").stream()
			.filter((m) -> m.path("text").asString().startsWith("flood"))
			.count();
		logger.info("Message flood: {} sent in {} s, {} accepted; bystander round trip worst {} ms over {} probes",
				flooders * perFlooder, String.format("%.1f", seconds), accepted, roundTrips.worstMillis(), roundTrips.count());
		assertThat(accepted).isLessThanOrEqualTo(flooders * (20 + (int) Math.ceil(5 * (seconds + 1))));
		assertThat(clients.get(0).all((r) -> r.type().equals("error")))
			.allSatisfy((r) -> assertThat(r.body().path("code").asString()).isEqualTo("rate-limited"));
		assertThat(roundTrips.worstMillis()).isLessThan(ROUND_TRIP_BOUND_MS);
	}

	/** A well-behaved client's message round trips, measured one after another. */
	static final class RoundTrips {

		private final ChatClient client;

		private final String room;

		private final List<Long> millis = new ArrayList<>();

		RoundTrips(ChatClient client) {
			this.client = client;
			this.room = client.all((r) -> r.type().equals("joined")).get(0).body().path("room").asString();
		}

		void measureUntil(java.util.function.BooleanSupplier finished) {
			AtomicBoolean stop = new AtomicBoolean();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			int n = 0;
			while (!stop.get() && System.nanoTime() < deadline) {
				String text = "probe " + n++;
				long start = System.nanoTime();
				this.client.say(this.room, text);
				this.client.take((r) -> r.type().equals("message") && r.body().path("text").asString().equals(text));
				this.millis.add((System.nanoTime() - start) / 1_000_000);
				stop.set(finished.getAsBoolean());
				Awaitility.await().pollDelay(Duration.ofMillis(250)).until(() -> true); // stay within 5/s
			}
		}

		long worstMillis() {
			return this.millis.stream().mapToLong(Long::longValue).max().orElse(Long.MAX_VALUE);
		}

		int count() {
			return this.millis.size();
		}

	}

}
