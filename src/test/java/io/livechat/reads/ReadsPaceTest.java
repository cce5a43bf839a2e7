package io.livechat.reads;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A room's {@code reads} events: every round in a small room, 15 ms more per person in a bigger
 * one, never more than 5 s apart.
 */
class ReadsPaceTest {

	private final ReadsPace pace = ReadsPace.everyRound(Duration.ofMillis(250));

	@Test
	void aRoomOfAFewPeopleHearsEveryRound() {
		assertThat(this.pace.forRoomOf(0)).isEqualTo(Duration.ofMillis(250));
		assertThat(this.pace.forRoomOf(16)).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	void aBiggerRoomWaitsFifteenMillisecondsMoreForEachPerson() {
		assertThat(this.pace.forRoomOf(20)).isEqualTo(Duration.ofMillis(300));
		assertThat(this.pace.forRoomOf(200)).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void noRoomWaitsMoreThanFiveSeconds() {
		assertThat(this.pace.forRoomOf(334)).isEqualTo(Duration.ofSeconds(5));
		assertThat(this.pace.forRoomOf(100_000)).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void aPaceNeedsRoundsAndALongestNoShorterThanThem() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReadsPace(Duration.ZERO, Duration.ofMillis(15), Duration.ofSeconds(5)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReadsPace(Duration.ofSeconds(6), Duration.ofMillis(15), Duration.ofSeconds(5)));
	}

}
