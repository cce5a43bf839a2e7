package io.livechat.fanout;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The subscribers of each shared destination ({@code /topic/...}). Adding or removing one
 * subscriber costs the same whatever the room's size (no copy of the room's subscriber list per
 * join, so filling a room of N is linear in N).
 */
final class Topics {

	private final Map<String, Set<Subscription>> subscribers = new ConcurrentHashMap<>();

	void add(Subscription subscription) {
		this.subscribers.computeIfAbsent(subscription.destination(), destination -> ConcurrentHashMap.newKeySet())
			.add(subscription);
	}

	void remove(Subscription subscription) {
		Set<Subscription> set = this.subscribers.get(subscription.destination());
		if (set != null) {
			set.remove(subscription);
		}
	}

	/** @return how many subscribers it was handed to */
	int forEach(String destination, Consumer<Subscription> action) {
		Set<Subscription> set = this.subscribers.get(destination);
		if (set == null) {
			return 0;
		}
		int count = 0;
		for (Subscription subscription : set) {
			action.accept(subscription);
			count++;
		}
		return count;
	}

}
