package io.livechat.stomp;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.livechat.chat.RoomSummary;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of clients that vanish without a close frame (their sockets destroyed) leave no
 * ghost users and no memory behind.
 */
class VanishingClientsTest extends EndToEndTest {

	private static final Logger logger = LoggerFactory.getLogger(VanishingClientsTest.class);

	private static final int CLIENTS = 500;

	/** Not the survivor's room: the test's own client would otherwise keep every user list in the heap. */
	private static final List<String> ROOMS = List.of("tech", "random");

	@Autowired
	ConnectionGuard guard;

	@Autowired
	ConnectionQuotas quotas;

	@Test
	void fiveHundredVanishedClientsLeaveNoGhostsAndNoHeap() throws Exception {
		ChatClient survivor = client();
		survivor.join("Survivor", "general");
		long baseline = heapAfterGc();

		long afterFirstRound = vanishingRound(1, baseline);
		vanishingRound(2, baseline);
		long afterThirdRound = vanishingRound(3, baseline);

		// Tomcat keeps bounded pools of channels and buffers for reuse and Spring a bounded cache
		// of destinations; the first rounds fill them. A leak would keep growing round by round.
		assertThat(afterFirstRound).isLessThan(baseline + 24 * 1024 * 1024);
		assertThat(afterThirdRound).isLessThan(afterFirstRound + 2 * 1024 * 1024);
		survivor.say("general", "alone again");
		assertThat(survivor.take("message").path("text").asString()).isEqualTo("alone again");
	}

	private long vanishingRound(int round, long baseline) throws Exception {
		List<RawWebSocket> sockets = openJoined(CLIENTS, round);
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> totalUsers() == CLIENTS + 1);
		long loaded = heapAfterGc();

		for (RawWebSocket socket : sockets) {
			socket.vanish();
		}
		sockets.clear(); // this test's own references to them must not count as the server's heap

		long start = System.nanoTime();
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> totalUsers() == 1);
		long convergedMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(rooms.users("general")).containsExactly("Survivor");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.guard.openConnections() == 1);
		assertThat(this.quotas.size()).isEqualTo(1);
		long after = heapAfterGc();
		logger.info("Vanishing clients, round {}: presence converged in {} ms; heap after GC {} MB at the start, "
				+ "{} MB with {} clients joined, {} MB after they vanished", round, convergedMillis, baseline >> 20,
				loaded >> 20, CLIENTS, after >> 20);
		return after;
	}

	private List<RawWebSocket> openJoined(int count, int round) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<RawWebSocket>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					RawWebSocket ws = RawWebSocket.connectStomp(this.port);
					ws.sendFrame("SUBSCRIBE\nid:0\ndestination:/user/queue/events\n\n");
					ws.sendFrame("SEND\ndestination:/app/join\n\n{\"username\":\"Ghost" + index + "\",\"room\":\""
							+ ROOMS.get(index % ROOMS.size()) + "\",\"clientId\":\"ghost-client-" + index + "\"}");
					return ws;
				}));
			}
			List<RawWebSocket> sockets = new ArrayList<>();
			for (Future<RawWebSocket> future : futures) {
				sockets.add(future.get(60, TimeUnit.SECONDS));
			}
			return sockets;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private int totalUsers() {
		return rooms.summaries().stream().mapToInt(RoomSummary::users).sum();
	}

	private static long heapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			memory.gc();
			used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
		}
		return used;
	}

}
