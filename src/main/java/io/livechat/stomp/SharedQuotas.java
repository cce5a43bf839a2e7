package io.livechat.stomp;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.livechat.config.LiveChatProperties.Rate;
import io.livechat.stomp.ConnectionQuotas.Action;

/**
 * Token buckets shared by every connection with the same key (one person's tabs, one address's
 * browsers). A key's buckets live while a connection holds them and, after the last lets go,
 * until they have refilled: forgetting them then loses nothing, and reconnecting cannot buy a
 * fresh burst.
 */
final class SharedQuotas {

	private final Map<Action, Rate> rates;

	/** By key; {@link Shared#holders} is changed only inside the map's per-key compute. */
	private final Map<String, Shared> byKey = new ConcurrentHashMap<>();

	SharedQuotas(Rate send, Rate join, Rate typing) {
		this.rates = Map.of(Action.SEND, send, Action.JOIN, join, Action.TYPING, typing);
	}

	/** The key's buckets, held until {@link #release}. */
	Shared hold(String key, long now) {
		return this.byKey.compute(key, (k, shared) -> {
			Shared held = (shared != null) ? shared : new Shared(key, this.rates, now);
			held.holders++;
			return held;
		});
	}

	void release(Shared shared) {
		this.byKey.computeIfPresent(shared.key, (k, held) -> {
			held.holders--;
			return held;
		});
	}

	/** Forgets the buckets nobody holds that have refilled. */
	void sweep(long now) {
		for (String key : this.byKey.keySet()) {
			this.byKey.computeIfPresent(key, (k, held) -> (held.holders <= 0 && held.isFull(now)) ? null : held);
		}
	}

	int size() {
		return this.byKey.size();
	}

	/** One key's buckets. */
	static final class Shared {

		private final String key;

		private final Map<Action, TokenBucket> buckets = new EnumMap<>(Action.class);

		private int holders;

		private Shared(String key, Map<Action, Rate> rates, long now) {
			this.key = key;
			rates.forEach((action, rate) -> this.buckets.put(action, new TokenBucket(rate, now)));
		}

		TokenBucket bucket(Action action) {
			return this.buckets.get(action);
		}

		private boolean isFull(long now) {
			return this.buckets.values().stream().allMatch((bucket) -> bucket.isFull(now));
		}

	}

}
