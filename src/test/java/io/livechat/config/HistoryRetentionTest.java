package io.livechat.config;

import java.time.Duration;

import io.livechat.config.LiveChatProperties.HistoryRetention;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThat;

/** The history settings: what would break a join is refused, naming the setting. */
class HistoryRetentionTest {

	@Test
	void aRoomKeepsAtLeastAJoinsFiftyMessages() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new HistoryRetention(Duration.ofDays(30), 49, Duration.ofHours(1), Duration.ofDays(1)))
			.withMessageContaining("livechat.history.max-per-room");
	}

	@Test
	void clientIdsAreKeptNoLongerThanTheMessagesThemselves() {
		assertThat(new HistoryRetention(Duration.ofHours(12), 50, Duration.ofHours(1), Duration.ofDays(1)).keepClientIds())
			.isEqualTo(Duration.ofHours(12));
		assertThat(new HistoryRetention(Duration.ofDays(30), 50, Duration.ofHours(1), Duration.ofDays(1)).keepClientIds())
			.isEqualTo(Duration.ofDays(1));
	}

}
