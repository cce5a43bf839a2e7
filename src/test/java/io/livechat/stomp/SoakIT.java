package io.livechat.stomp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soak: 300 clients in one room, 50 messages a second, for {@code soak.minutes} (10 by
 * default) after a minute of warm-up, against the packaged server started with the Procfile's
 * JVM options. Every minute: a full GC in the server, then its heap, threads and RSS. After
 * warm-up they must stay flat, and every client must have received every message. Opt-in:
 * {@code ./mvnw verify -Psoak}.
 */
class SoakIT {

	private static final Logger logger = LoggerFactory.getLogger(SoakIT.class);

	private static final int CLIENTS = 300;

	private static final int SENDERS = 50;

	private static final int PER_SECOND = 50;

	private static final int MINUTES = Integer.getInteger("soak.minutes", 10);

	private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)");

	private static final Pattern THREADS = Pattern.compile("(?m)^jvm_threads_live_threads(?:\\{[^}]*})? (\\S+)");

	record Sample(int minute, long heapMb, long threads, long rssMb, long sent) {
	}

	@Test
	void heapAndThreadsStayFlatUnderSteadyLoad() throws Exception {
		try (ServerProcess server = ServerProcess.start()) {
			List<RawWebSocket> clients = new ArrayList<>();
			List<AtomicLong> received = new ArrayList<>();
			for (int i = 0; i < CLIENTS; i++) {
				RawWebSocket ws = RawWebSocket.open(server.port(), "/ws");
				ws.sendFrame("CONNECT\naccept-version:1.2\nhost:x\nheart-beat:10000,0\n\n");
				ws.readFrame();
				ws.sendFrame("SUBSCRIBE\nid:0\ndestination:/topic/general\n\n");
				ws.sendFrame("SEND\ndestination:/app/join\n\n{\"username\":\"Soak" + i
						+ "\",\"room\":\"general\",\"clientId\":\"soak-client-" + i + "\"}");
				clients.add(ws);
				received.add(startReader(ws));
			}
			Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> server.get("/api/rooms").contains("\"users\":" + CLIENTS));

			List<Sample> samples = new ArrayList<>();
			long sent = 0;
			long start = System.nanoTime();
			long intervalNanos = TimeUnit.SECONDS.toNanos(1) / PER_SECOND;
			for (int minute = 0; minute <= MINUTES; minute++) { // minute 0 is the warm-up
				long minuteEnd = start + TimeUnit.MINUTES.toNanos(minute + 1);
				while (System.nanoTime() < minuteEnd) {
					long due = start + sent * intervalNanos;
					long wait = due - System.nanoTime();
					if (wait > 0) {
						TimeUnit.NANOSECONDS.sleep(wait);
					}
					RawWebSocket sender = clients.get((int) (sent % SENDERS));
					sender.sendFrame("SEND\ndestination:/app/send\n\n{\"room\":\"general\",\"text\":\"soak " + sent + "\"}");
					sent++;
					if (sent % (PER_SECOND * 10) == 0) {
						heartBeat(clients);
					}
				}
				samples.add(sample(server, minute, sent));
				logger.info("Soak {}", samples.get(samples.size() - 1));
			}
			long total = sent;
			Awaitility.await().atMost(Duration.ofSeconds(30))
				.until(() -> received.stream().allMatch((count) -> count.get() == total));

			Path report = Path.of("target", "soak.txt");
			Files.writeString(report, samples.stream().map(Sample::toString).reduce("", (a, b) -> a + b + "\n"));
			List<Sample> afterWarmUp = samples.subList(1, samples.size());
			long heapMin = afterWarmUp.stream().mapToLong(Sample::heapMb).min().orElseThrow();
			long heapMax = afterWarmUp.stream().mapToLong(Sample::heapMb).max().orElseThrow();
			long threadsMin = afterWarmUp.stream().mapToLong(Sample::threads).min().orElseThrow();
			long threadsMax = afterWarmUp.stream().mapToLong(Sample::threads).max().orElseThrow();
			logger.info("Soak over {} minutes, {} messages, {} deliveries: heap after GC {}-{} MB, threads {}-{}", MINUTES,
					total, total * CLIENTS, heapMin, heapMax, threadsMin, threadsMax);
			assertThat(heapMax - heapMin).as("heap after GC, MB").isLessThanOrEqualTo(Math.max(8, heapMin / 5));
			assertThat(threadsMax - threadsMin).as("live threads").isLessThanOrEqualTo(4);
			for (RawWebSocket client : clients) {
				client.close();
			}
		}
	}

	private static AtomicLong startReader(RawWebSocket ws) {
		AtomicLong count = new AtomicLong();
		Thread reader = new Thread(() -> {
			try {
				ws.readForever((frame) -> {
					if (frame.contains("\"type\":\"message\"")) {
						count.incrementAndGet();
					}
				});
			}
			catch (IOException ex) {
				// closed at the end
			}
		}, "soak-reader");
		reader.setDaemon(true);
		reader.start();
		return count;
	}

	private static void heartBeat(List<RawWebSocket> clients) throws IOException {
		for (RawWebSocket client : clients) {
			client.sendText("\n".getBytes(StandardCharsets.UTF_8));
		}
	}

	private static Sample sample(ServerProcess server, int minute, long sent) throws Exception {
		new ProcessBuilder("jcmd", String.valueOf(server.pid()), "GC.run").start().waitFor(30, TimeUnit.SECONDS);
		String metrics = server.get("/actuator/prometheus");
		long rssKb = Files.readAllLines(Path.of("/proc/" + server.pid() + "/status")).stream()
			.filter((line) -> line.startsWith("VmRSS:"))
			.map((line) -> Long.parseLong(line.replaceAll("\\D", "")))
			.findFirst()
			.orElse(0L);
		Sample sample = new Sample(minute, (long) (sum(HEAP, metrics) / (1 << 20)), (long) sum(THREADS, metrics),
				rssKb >> 10, sent);
		assertThat(sample.heapMb()).as("heap found in the metrics").isPositive();
		assertThat(sample.threads()).as("threads found in the metrics").isPositive();
		return sample;
	}

	private static double sum(Pattern pattern, String metrics) {
		Matcher matcher = pattern.matcher(metrics);
		double sum = 0;
		while (matcher.find()) {
			sum += Double.parseDouble(matcher.group(1));
		}
		return sum;
	}

}
