package io.livechat.stomp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that joins and then stops reading its socket is dropped; it neither slows the room
 * down nor makes the server hold its messages for long.
 */
@TestPropertySource(properties = { "livechat.limits.send.burst=100000", "livechat.limits.send.per-second=100000",
		"livechat.limits.per-user.send.burst=100000", "livechat.limits.per-user.send.per-second=100000",
		"livechat.limits.send-time-limit=2s", "livechat.limits.frames.burst=100000",
		"livechat.limits.frames.per-second=100000" })
class SlowConsumerTest extends EndToEndTest {

	private static final Logger logger = LoggerFactory.getLogger(SlowConsumerTest.class);

	private static final int MESSAGES = 1500;

	private static final int PER_SECOND = 500;

	/** Two bytes each, a message near the limit of 1000: the slow client's buffers fill soon. */
	private static final String PADDING = "é".repeat(950);

	@Autowired
	ConnectionGuard guard;

	@Autowired
	MeterRegistry meters;

	@Test
	void aClientThatStopsReadingIsDroppedAndTheOthersKeepTheirPace() throws Exception {
		List<ChatClient> readers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			ChatClient reader = client();
			reader.join("Reader" + i, "general");
			readers.add(reader);
		}
		ChatClient sender = readers.get(0);

		// a cold JVM (server and clients share it) first at half the pace: at the full one at once,
		// a healthy reader stalled by its own JIT and GC was once dropped in a busy CI run
		sendAndMeasure(sender, readers, "warm-up", PER_SECOND / 2);
		Latencies withoutSlowClient = sendAndMeasure(sender, readers, "a", PER_SECOND);

		RawWebSocket stalled = track(RawWebSocket.connectStompNeverReading(this.port));
		stalled.sendFrame("SUBSCRIBE\nid:0\ndestination:/topic/general\n\n");
		stalled.sendFrame("SEND\ndestination:/app/join\n\n{\"username\":\"Stalled\",\"room\":\"general\",\"clientId\":\"stalled-client\"}");
		Awaitility.await().atMost(ChatClient.TIMEOUT).until(() -> rooms.users("general").contains("Stalled"));
		double dropsBefore = drops();

		Latencies withSlowClient = sendAndMeasure(sender, readers, "b", PER_SECOND);

		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !rooms.users("general").contains("Stalled"));
		logger.info("Slow consumer: receivers' latency p50/p99/max without it {} ms, with it {} ms",
				withoutSlowClient, withSlowClient);
		assertThat(drops()).isEqualTo(dropsBefore + 1);
		assertThat(withSlowClient.lost()).isZero();
		assertThat(withSlowClient.p99()).isLessThanOrEqualTo(Math.max(2 * withoutSlowClient.p99(), 20));
		assertThat(this.guard.openConnections()).isEqualTo(4);
	}

	private double drops() {
		return this.meters.counter("livechat.slow.consumer.drops").count();
	}

	/** Sends at a steady pace and measures, for every reader, the time from send to receipt. */
	private Latencies sendAndMeasure(ChatClient sender, List<ChatClient> readers, String run, int perSecond) {
		long intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
		long start = System.nanoTime();
		for (int i = 0; i < MESSAGES; i++) {
			long due = start + i * intervalNanos;
			while (System.nanoTime() < due) {
				Thread.onSpinWait();
			}
			sender.say("general", run + ":" + System.nanoTime() + ":" + PADDING);
		}
		List<Long> latencies = new ArrayList<>();
		for (ChatClient reader : readers) {
			Awaitility.await().atMost(Duration.ofSeconds(30))
				.failFast(() -> !reader.isConnected())
				.until(() -> ofRun(reader, run).size() == MESSAGES);
			for (ChatClient.Received received : ofRun(reader, run)) {
				long sentAt = Long.parseLong(received.body().path("text").asString().split(":")[1]);
				latencies.add(TimeUnit.NANOSECONDS.toMillis(received.receivedAtNanos() - sentAt));
			}
		}
		latencies.sort(null);
		return new Latencies(latencies.get(latencies.size() / 2), latencies.get((int) (latencies.size() * 0.99)),
				latencies.get(latencies.size() - 1), readers.size() * MESSAGES - latencies.size());
	}

	private static List<ChatClient.Received> ofRun(ChatClient reader, String run) {
		return reader.all((r) -> r.type().equals("message") && r.body().path("text").asString().startsWith(run + ":"));
	}

	record Latencies(long p50, long p99, long max, long lost) {

		@Override
		public String toString() {
			return this.p50 + "/" + this.p99 + "/" + this.max;
		}

	}

}
