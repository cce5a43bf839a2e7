package io.livechat.images;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads nobody sent are deleted an hour after they were made; sent ones stay. */
class ImagePrunerTest {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private final InMemoryImageStore store = new InMemoryImageStore();

	private final ImagePruner pruner = new ImagePruner(this.store, Duration.ofHours(1), Duration.ofMinutes(10),
			Clock.fixed(NOW, ZoneOffset.UTC), null);

	private void upload(String id, Duration ago) {
		this.store.save(new StoredImage(id, "alex", null, "image/png", new Size(10, 10), 1, "image/jpeg",
				new Size(10, 10), NOW.minus(ago).toEpochMilli()), new ByteArrayInputStream(new byte[1]), new byte[1]);
	}

	@Test
	void anUploadNotSentWithinAnHourIsDeleted() {
		upload("unsent-for-61-minutes", Duration.ofMinutes(61));
		upload("unsent-for-59-minutes", Duration.ofMinutes(59));
		upload("sent-2-hours-ago", Duration.ofHours(2));
		this.store.claim("sent-2-hours-ago", "alex", "room:general", null, NOW.toEpochMilli());

		assertThat(this.pruner.prune()).isEqualTo(1);

		assertThat(this.store.find("unsent-for-61-minutes")).isEmpty();
		assertThat(this.store.find("unsent-for-59-minutes")).isPresent();
		assertThat(this.store.find("sent-2-hours-ago")).isPresent();
	}

}
