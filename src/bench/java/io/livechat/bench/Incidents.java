package io.livechat.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What went wrong during a run, counted by reason: {@code error:rate-limited},
 * {@code stomp-error:...}, {@code close:1008}, {@code join-failed:...}. Rare by nature, so
 * counted in a concurrent map.
 */
final class Incidents {

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	void count(String reason) {
		this.counts.computeIfAbsent(reason, (key) -> new LongAdder()).increment();
	}

	/** A sorted copy of the counts so far. */
	Map<String, Long> snapshot() {
		Map<String, Long> copy = new TreeMap<>();
		this.counts.forEach((reason, count) -> copy.put(reason, count.sum()));
		return copy;
	}

	/** The counts of {@code after} minus those of {@code before}, without the zeros. */
	static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
		Map<String, Long> delta = new TreeMap<>();
		after.forEach((reason, count) -> {
			long added = count - before.getOrDefault(reason, 0L);
			if (added > 0) {
				delta.put(reason, added);
			}
		});
		return delta;
	}

	static long total(Map<String, Long> counts) {
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}

}
