package io.livechat.chat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameLocksTest {

	private final NameLocks locks = new NameLocks();

	private final ExecutorService threads = Executors.newCachedThreadPool();

	@AfterEach
	void stop() {
		this.threads.shutdownNow();
	}

	@Test
	void oneNameInOneRoomIsChangedByOneThreadAtATime() throws Exception {
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		CompletableFuture<?>[] runs = new CompletableFuture<?>[8];
		for (int i = 0; i < runs.length; i++) {
			runs[i] = CompletableFuture.runAsync(() -> {
				for (int j = 0; j < 200; j++) {
					this.locks.with("general", "alex", () -> {
						most.accumulateAndGet(inside.incrementAndGet(), Math::max);
						inside.decrementAndGet();
						return null;
					});
				}
			}, this.threads);
		}
		CompletableFuture.allOf(runs).get(10, TimeUnit.SECONDS);

		assertThat(most.get()).isEqualTo(1);
		assertThat(this.locks.size()).isZero(); // nothing kept once nobody holds or waits
	}

	@Test
	void otherNamesAndOtherRoomsDoNotWait() throws Exception {
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(1);
		this.threads.execute(() -> this.locks.with("general", "alex", () -> {
			held.countDown();
			try {
				return done.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				return false;
			}
		}));
		held.await(5, TimeUnit.SECONDS);

		String sam = CompletableFuture.supplyAsync(() -> this.locks.with("general", "sam", () -> "sam"), this.threads)
			.get(2, TimeUnit.SECONDS);
		String alexInTech = CompletableFuture
			.supplyAsync(() -> this.locks.with("tech", "alex", () -> "alex in tech"), this.threads)
			.get(2, TimeUnit.SECONDS);

		assertThat(sam).isEqualTo("sam");
		assertThat(alexInTech).isEqualTo("alex in tech");
		assertThat(this.locks.size()).isEqualTo(1);
		done.countDown();
	}

}
