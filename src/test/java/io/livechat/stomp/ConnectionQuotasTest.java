package io.livechat.stomp;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.livechat.config.LiveChatProperties.Limits;
import io.livechat.config.LiveChatProperties.Rate;
import io.livechat.stomp.ConnectionQuotas.Action;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionQuotasTest {

	private final AtomicLong now = new AtomicLong();

	private final ConnectionQuotas quotas = new ConnectionQuotas(
			new Limits(DataSize.ofKilobytes(64), new Rate(20, 5), new Rate(10, 1), new Rate(2, 2), 100, 8,
					Duration.ofSeconds(10), Duration.ofSeconds(45), Duration.ofSeconds(5), DataSize.ofKilobytes(256), 1000, new Rate(200, 100)), this.now::get);

	@Test
	void allowsABurstOfTwentyMessagesThenFivePerSecond() {
		this.quotas.register("c1");

		assertThat(takeAll("c1", Action.SEND)).isEqualTo(20);
		advance(1000);
		assertThat(takeAll("c1", Action.SEND)).isEqualTo(5);
		advance(200);
		assertThat(takeAll("c1", Action.SEND)).isEqualTo(1);
	}

	@Test
	void refillsNoMoreThanTheBurst() {
		this.quotas.register("c1");
		advance(60_000);

		assertThat(takeAll("c1", Action.SEND)).isEqualTo(20);
	}

	@Test
	void countsEachConnectionAndEachActionSeparately() {
		this.quotas.register("c1");
		this.quotas.register("c2");
		takeAll("c1", Action.SEND);

		assertThat(this.quotas.tryAcquire("c2", Action.SEND)).isTrue();
		assertThat(this.quotas.tryAcquire("c1", Action.TYPING)).isTrue();
		assertThat(this.quotas.tryAcquire("c1", Action.JOIN)).isTrue();
	}

	@Test
	void refusesEverythingForAConnectionThatIsGone() {
		this.quotas.register("c1");
		this.quotas.forget("c1");

		assertThat(this.quotas.tryAcquire("c1", Action.SEND)).isFalse();
		assertThat(this.quotas.size()).isZero();
	}

	private int takeAll(String connectionId, Action action) {
		int taken = 0;
		while (taken < 1000 && this.quotas.tryAcquire(connectionId, action)) {
			taken++;
		}
		return taken;
	}

	private void advance(long millis) {
		this.now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
	}

}
