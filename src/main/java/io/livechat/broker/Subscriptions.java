package io.livechat.broker;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The subscribers of each destination, as sets: adding or removing one subscriber costs the
 * same whatever the room's size (no copy of a room's subscriber list per join, so filling a room
 * of N is linear in N).
 */
final class Subscriptions {

	private final Map<String, Set<Subscription>> byDestination = new ConcurrentHashMap<>();

	void add(Subscription subscription) {
		// inside the destination's compute, so that a remove emptying the set cannot drop it meanwhile
		this.byDestination.compute(subscription.destination(), (destination, set) -> {
			Set<Subscription> subscribers = (set != null) ? set : ConcurrentHashMap.newKeySet();
			subscribers.add(subscription);
			return subscribers;
		});
	}

	void remove(Subscription subscription) {
		this.byDestination.computeIfPresent(subscription.destination(), (destination, set) -> {
			set.remove(subscription);
			return set.isEmpty() ? null : set;
		});
	}

	/** @return how many subscribers it was handed to */
	int forEach(String destination, Consumer<Subscription> action) {
		Set<Subscription> set = this.byDestination.get(destination);
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

	/** How many destinations have subscribers. */
	int destinations() {
		return this.byDestination.size();
	}

}
