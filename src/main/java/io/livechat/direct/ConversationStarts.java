package io.livechat.direct;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How many new conversations each person started in the last hour, so that one client cannot
 * write to everyone: at most {@code perHour} starts in any hour. Remembers only people who
 * started one within the hour.
 */
final class ConversationStarts {

	private static final long HOUR_NANOS = 3_600_000_000_000L;

	private final int perHour;

	private final LongSupplier nanoClock;

	private final Map<String, Deque<Start>> starts = new HashMap<>();

	private int calls;

	ConversationStarts(int perHour, LongSupplier nanoClock) {
		this.perHour = perHour;
		this.nanoClock = nanoClock;
	}

	/** Takes one start for {@code person}, or says no (nothing taken). */
	synchronized boolean tryStart(String person) {
		return tryStart(person, null);
	}

	/**
	 * Takes a start of {@code conversation} for {@code person}, or says no (nothing taken); a
	 * conversation they started within the hour counts once, however many messages are sent
	 * before its first is stored.
	 */
	synchronized boolean tryStart(String person, String conversation) {
		long now = this.nanoClock.getAsLong();
		if (++this.calls % 1024 == 0) {
			forgetOlderThanAnHour(now);
		}
		Deque<Start> times = this.starts.computeIfAbsent(person, (id) -> new ArrayDeque<>());
		forgetOlderThanAnHour(times, now);
		if (conversation != null && times.stream().anyMatch((start) -> conversation.equals(start.conversation()))) {
			return true;
		}
		if (times.size() >= this.perHour) {
			return false;
		}
		times.addLast(new Start(now, conversation));
		return true;
	}

	synchronized int people() {
		return this.starts.size();
	}

	private void forgetOlderThanAnHour(long now) {
		for (Iterator<Deque<Start>> people = this.starts.values().iterator(); people.hasNext();) {
			Deque<Start> times = people.next();
			forgetOlderThanAnHour(times, now);
			if (times.isEmpty()) {
				people.remove();
			}
		}
	}

	private static void forgetOlderThanAnHour(Deque<Start> times, long now) {
		while (!times.isEmpty() && now - times.peekFirst().nanos() >= HOUR_NANOS) {
			times.removeFirst();
		}
	}

	private record Start(long nanos, String conversation) {
	}

}
