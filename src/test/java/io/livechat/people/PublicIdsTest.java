package io.livechat.people;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PublicIdsTest {

	private static final byte[] SECRET = "a secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8);

	private static final byte[] OTHER_SECRET = "another secret, also thirty-two bytes long".getBytes(StandardCharsets.UTF_8);

	@Nested
	class Ids {

		@Test
		void theSameClientIdGetsTheSameIdFromEveryInstanceWithTheSameSecret() {
			assertThat(new PublicIds(SECRET).of("alex-client")).isEqualTo(new PublicIds(SECRET.clone()).of("alex-client"));
		}

		@Test
		void differentClientIdsGetDifferentIds() {
			PublicIds ids = new PublicIds(SECRET);
			Set<String> seen = new HashSet<>();
			for (int i = 0; i < 10_000; i++) {
				seen.add(ids.of("client-" + i));
			}

			assertThat(seen).hasSize(10_000);
		}

		@Test
		void anIdStaysTheSameWhenItIsAskedForAgainAfterManyOthers() {
			PublicIds ids = new PublicIds(SECRET);
			PublicIds fresh = new PublicIds(SECRET);
			String first = ids.of("alex-client");
			for (int i = 0; i < PublicIds.REMEMBERED * 2 + 1; i++) {
				ids.of("client-" + i);
			}

			assertThat(ids.of("alex-client")).isEqualTo(first).isEqualTo(fresh.of("alex-client"));
			assertThat(ids.of("client-7")).isEqualTo(fresh.of("client-7"));
		}

		@Test
		void idsAskedForFromManyThreadsAtOnceAreTheIdsOfOneThread() throws Exception {
			PublicIds ids = new PublicIds(SECRET);
			PublicIds reference = new PublicIds(SECRET);
			ExecutorService pool = Executors.newFixedThreadPool(4);
			try {
				List<Future<Boolean>> answers = new ArrayList<>();
				for (int t = 0; t < 4; t++) {
					answers.add(pool.submit(() -> {
						for (int i = 0; i < 2_000; i++) {
							String clientId = "client-" + (i % 300);
							if (!ids.of(clientId).equals(reference.of(clientId))) {
								return false;
							}
						}
						return true;
					}));
				}
				for (Future<Boolean> answer : answers) {
					assertThat(answer.get()).isTrue();
				}
			}
			finally {
				pool.shutdownNow();
			}
		}

		@Test
		void anotherSecretGivesTheSameClientIdAnotherId() {
			assertThat(new PublicIds(OTHER_SECRET).of("alex-client")).isNotEqualTo(new PublicIds(SECRET).of("alex-client"));
			assertThat(PublicIds.withRandomSecret().of("alex-client"))
				.isNotEqualTo(PublicIds.withRandomSecret().of("alex-client"));
		}

		@Test
		void anIdIsTwentyTwoUrlSafeCharactersWhateverTheClientId() {
			PublicIds ids = new PublicIds(SECRET);
			for (String clientId : new String[] { "alex-client", "", "Zoë 😀", "x".repeat(1000),
					"a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b" }) {
				String id = ids.of(clientId);

				assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+");
				assertThat(PublicIds.isWellFormed(id)).isTrue();
			}
		}

		@Test
		void aSecretShorterThanThirtyTwoBytesIsRefused() {
			assertThatIllegalArgumentException().isThrownBy(() -> new PublicIds(new byte[31]));
		}

	}

	@Nested
	class WellFormed {

		@Test
		void acceptsOnlyTwentyTwoUrlSafeBase64Characters() {
			assertThat(PublicIds.isWellFormed("Zr7LwP0-3nHq_uXe5sKb1A")).isTrue();

			assertThat(PublicIds.isWellFormed(null)).isFalse();
			assertThat(PublicIds.isWellFormed("")).isFalse();
			assertThat(PublicIds.isWellFormed("Zr7LwP0-3nHq_uXe5sKb1")).as("21 characters").isFalse();
			assertThat(PublicIds.isWellFormed("Zr7LwP0-3nHq_uXe5sKb1AB")).as("23 characters").isFalse();
			assertThat(PublicIds.isWellFormed("Zr7LwP0+3nHq/uXe5sKb1A")).as("standard Base64").isFalse();
			assertThat(PublicIds.isWellFormed("Zr7LwP0-3nHq_uXe5sKb==")).as("padding").isFalse();
			assertThat(PublicIds.isWellFormed("Zr7LwP0-3nHq.uXe5sKb1A")).as("a dot joins a conversation's ids").isFalse();
			assertThat(PublicIds.isWellFormed("Zr7LwP0-3nHq_uXe5sKb1\n")).isFalse();
		}

	}

}
