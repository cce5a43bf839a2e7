package io.livechat.reads;

import java.time.Duration;

/**
 * How often a room's {@code reads} event may go out. Each event names everyone who read since the
 * one before, to everyone in the room: in a busy room of {@code n} that is {@code n} positions to
 * {@code n} connections per event. Waiting {@link #perPerson} longer for each person in the room
 * keeps a room's receipts to bytes in proportion to its size, not to its square; small rooms get
 * theirs every round.
 *
 * @param shortest the time between rounds: the pace of a room of a few people
 * @param perPerson how much longer a room waits for each person in it
 * @param longest the longest a room waits between two events
 */
public record ReadsPace(Duration shortest, Duration perPerson, Duration longest) {

	/** Rounds every {@code interval}; 15 ms more per person, at most 5 s (or one round, if longer). */
	public static ReadsPace everyRound(Duration interval) {
		Duration longest = Duration.ofSeconds(5);
		return new ReadsPace(interval, Duration.ofMillis(15), (interval.compareTo(longest) > 0) ? interval : longest);
	}

	public ReadsPace {
		if (shortest.isNegative() || shortest.isZero() || longest.compareTo(shortest) < 0) {
			throw new IllegalArgumentException("A pace needs 0 < shortest <= longest, got " + shortest + ", " + longest);
		}
	}

	/** The shortest time between two events of a room of {@code people}. */
	public Duration forRoomOf(int people) {
		Duration pace = this.perPerson.multipliedBy(people);
		return (pace.compareTo(this.shortest) < 0) ? this.shortest
				: (pace.compareTo(this.longest) > 0) ? this.longest : pace;
	}

}
