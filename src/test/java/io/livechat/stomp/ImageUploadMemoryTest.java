package io.livechat.stomp;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.livechat.images.TestImages;
import io.livechat.images.TestUploads;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads are streamed: twenty people sending a 5 MB picture at the same moment raise the live
 * heap by no more than about three times what they send (each file is held once, stripped, while
 * the multipart part waits on disk and decoders take turns). Live heap: what is left after a full
 * collection, sampled throughout. The database is a file, as it is when the chat runs: an
 * in-memory one would hold the stored images in the heap too.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:file:${java.io.tmpdir}/livechat-uploads-${random.uuid}")
class ImageUploadMemoryTest extends EndToEndTest {

	private static final int UPLOADS = 20;

	/** A full collection takes a core for a moment: sampled between them, not back to back. */
	private static final long SAMPLE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	@Test
	void twentyConcurrentFiveMegabyteUploadsRaiseTheLiveHeapByAtMostThreeTimesTheirSize() throws Exception {
		byte[] picture = TestImages.noisePng(1250, 1300, 42); // random pixels: as large as the PNG gets
		assertThat(picture.length).isBetween(4_500_000, 5 * 1024 * 1024);
		List<ChatClient> people = new ArrayList<>();
		for (int i = 0; i < UPLOADS; i++) {
			people.add(joined("Person" + i, "general"));
		}
		byte[] body = TestUploads.multipart(picture, "noise.png", "image/png"); // one body, sent twenty times
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		long before = memory.getHeapMemoryUsage().getUsed();
		AtomicLong peak = new AtomicLong();
		AtomicBoolean uploading = new AtomicBoolean(true);
		Thread sampler = new Thread(() -> {
			while (uploading.get()) {
				System.gc();
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				LockSupport.parkNanos(SAMPLE_EVERY_NANOS);
			}
		});

		ExecutorService senders = Executors.newFixedThreadPool(UPLOADS);
		List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
		try {
			sampler.start();
			for (ChatClient person : people) {
				responses.add(CompletableFuture.supplyAsync(
						() -> TestUploads.uploadBody("http://127.0.0.1:" + this.port, person.clientId(), body), senders));
			}
			CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
		}
		finally {
			uploading.set(false);
			sampler.join(10_000);
			senders.shutdownNow();
		}

		for (CompletableFuture<HttpResponse<String>> response : responses) {
			assertThat(response.get().statusCode()).as(response.get().body()).isEqualTo(201);
		}
		long sent = (long) UPLOADS * picture.length;
		assertThat(peak.get() - before).as("live heap growth, for %d MB sent", sent >> 20).isLessThan(3 * sent);
	}

}
