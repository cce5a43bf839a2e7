package io.livechat.persistence;

import java.io.ByteArrayInputStream;
import java.util.Random;

import io.livechat.images.Size;
import io.livechat.images.StoredImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the JDBC image store promises, held against each database it runs on: the bytes come back
 * as they went in, an upload is claimed once and by its owner only, and pruning deletes what was
 * never sent and what no message carries any more.
 */
abstract class ImageStoreContract {

	static final String ALEX = "alexPublicId0000000000";

	static final String SAM = "samPublicId00000000000";

	TestDatabase database;

	JdbcImageStore store;

	abstract TestDatabase database() throws Exception;

	@BeforeEach
	void openStore() throws Exception {
		this.database = database();
		this.store = new JdbcImageStore(this.database.dataSource());
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	private static StoredImage image(String id, String owner, long bytes, long createdAt) {
		return new StoredImage(id, owner, null, "image/png", new Size(1024, 768), bytes, "image/jpeg",
				new Size(320, 240), createdAt);
	}

	private StoredImage saved(String id, String owner, byte[] data, long createdAt) {
		StoredImage image = image(id, owner, data.length, createdAt);
		this.store.save(image, new ByteArrayInputStream(data), new byte[] { 1, 2, 3 });
		return image;
	}

	private void messageCarrying(String imageId) {
		this.database.jdbc()
			.sql("""
					INSERT INTO messages (room, id, username, text, created_at, image_id, image_width, image_height)
					VALUES ('general', 1, 'Alex', '', 0, ?, 1024, 768)""")
			.param(imageId)
			.update();
	}

	@Nested
	class Keeping {

		@Test
		void anImagesBytesAndThumbnailComeBackAsTheyWentIn() {
			byte[] data = new byte[3 * 1024 * 1024];
			new Random(7).nextBytes(data);

			StoredImage image = saved("image-one-000000000000", ALEX, data, 1000);

			assertThat(store.find(image.id())).contains(image);
			assertThat(store.content(image.id(), false)).hasValueSatisfying((bytes) -> assertThat(bytes).isEqualTo(data));
			assertThat(store.content(image.id(), true)).hasValueSatisfying(
					(bytes) -> assertThat(bytes).containsExactly(1, 2, 3));
			assertThat(store.find("no-such-image-00000000")).isEmpty();
			assertThat(store.content("no-such-image-00000000", false)).isEmpty();
		}

	}

	@Nested
	class Claiming {

		@Test
		void onlyItsOwnerClaimsAnUploadAndOnlyOnce() {
			saved("image-one-000000000000", ALEX, new byte[10], 1000);

			assertThat(store.claim("image-one-000000000000", SAM, "room:general", null, 2000)).isEmpty();
			assertThat(store.claim("image-one-000000000000", ALEX, "room:general", null, 2000))
				.hasValueSatisfying((image) -> assertThat(image.place()).isEqualTo("room:general"));
			assertThat(store.claim("image-one-000000000000", ALEX, "room:tech", null, 2001)).isEmpty();
			assertThat(store.find("image-one-000000000000").orElseThrow().place()).isEqualTo("room:general");
		}

		@Test
		void aReleasedClaimCanBeMadeAgain() {
			saved("image-one-000000000000", ALEX, new byte[10], 1000);
			store.claim("image-one-000000000000", ALEX, "room:general", null, 2000);

			store.release("image-one-000000000000", ALEX);

			assertThat(store.find("image-one-000000000000").orElseThrow().isSent()).isFalse();
			assertThat(store.claim("image-one-000000000000", ALEX, "room:tech", null, 3000)).isPresent();
		}

	}

	@Nested
	class Pruning {

		@Test
		void uploadsNeverSentAreDeletedOnceOlderThanTheCutoff() {
			saved("old-unsent-00000000000", ALEX, new byte[10], 1000);
			saved("new-unsent-00000000000", ALEX, new byte[10], 5000);
			saved("old-sent-0000000000000", ALEX, new byte[10], 1000);
			store.claim("old-sent-0000000000000", ALEX, "room:general", null, 1500);
			messageCarrying("old-sent-0000000000000");

			assertThat(store.deleteUnsentBefore(4000)).isEqualTo(1);

			assertThat(store.find("old-unsent-00000000000")).isEmpty();
			assertThat(store.find("new-unsent-00000000000")).isPresent();
			assertThat(store.find("old-sent-0000000000000")).isPresent();
		}

		@Test
		void aSentImageGoesWhenNoMessageCarriesItAnyMore() {
			saved("in-a-room-000000000000", ALEX, new byte[10], 1000);
			store.claim("in-a-room-000000000000", ALEX, "room:general", null, 1500);
			messageCarrying("in-a-room-000000000000");
			saved("in-a-dm-00000000000000", ALEX, new byte[10], 1000);
			store.claim("in-a-dm-00000000000000", ALEX, "dm:a.b", null, 1500);
			database.jdbc().sql("""
					INSERT INTO direct_messages (conversation, id, sender, sender_name, recipient, recipient_name, text,
					    created_at, image_id, image_width, image_height, hidden)
					VALUES ('a.b', 1, 'a', 'Alex', 'b', 'Sam', '', 0, 'in-a-dm-00000000000000', 1024, 768, FALSE)""").update();
			saved("just-sent-000000000000", ALEX, new byte[10], 1000);
			store.claim("just-sent-000000000000", ALEX, "room:general", null, 9000); // its message not stored yet

			assertThat(store.deleteOrphansSentBefore(4000)).as("each is still carried, or was sent just now").isZero();
			database.jdbc().sql("DELETE FROM messages").update(); // the history pruned
			database.jdbc().sql("DELETE FROM direct_messages").update();

			assertThat(store.deleteOrphansSentBefore(4000)).isEqualTo(2);
			assertThat(store.find("in-a-room-000000000000")).isEmpty();
			assertThat(store.find("in-a-dm-00000000000000")).isEmpty();
			assertThat(store.find("just-sent-000000000000")).isPresent();
		}

	}

}
