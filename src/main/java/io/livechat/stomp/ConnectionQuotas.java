package io.livechat.stomp;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.livechat.config.LiveChatProperties.Limits;
import io.livechat.config.LiveChatProperties.Rate;

/**
 * Limits per connection: one token bucket per kind of action, and the subscriptions it holds.
 * A connection gets its quota when it connects and loses it when it disconnects; frames of a
 * connection that is already gone are refused.
 */
class ConnectionQuotas {

	enum Action {

		SEND, JOIN, TYPING

	}

	private final Map<Action, Rate> rates;

	private final int maxSubscriptions;

	private final LongSupplier nanoClock;

	private final Map<String, Quota> quotas = new ConcurrentHashMap<>();

	ConnectionQuotas(Limits limits, LongSupplier nanoClock) {
		this.rates = Map.of(Action.SEND, limits.send(), Action.JOIN, limits.join(), Action.TYPING, limits.typing());
		this.maxSubscriptions = limits.maxSubscriptions();
		this.nanoClock = nanoClock;
	}

	void register(String connectionId) {
		this.quotas.putIfAbsent(connectionId, new Quota(this.rates, this.nanoClock.getAsLong()));
	}

	void forget(String connectionId) {
		this.quotas.remove(connectionId);
	}

	/** Whether the connection may do one more of {@code action} now; takes a token if so. */
	boolean tryAcquire(String connectionId, Action action) {
		Quota quota = this.quotas.get(connectionId);
		return quota != null && quota.buckets.get(action).tryTake(this.nanoClock.getAsLong());
	}

	/**
	 * Records a subscription; false when the id is already in use on this connection or the
	 * connection holds as many subscriptions as it may.
	 */
	boolean trySubscribe(String connectionId, String subscriptionId) {
		Quota quota = this.quotas.get(connectionId);
		if (quota == null || subscriptionId == null) {
			return false;
		}
		synchronized (quota.subscriptions) {
			return quota.subscriptions.size() < this.maxSubscriptions && quota.subscriptions.add(subscriptionId);
		}
	}

	void unsubscribe(String connectionId, String subscriptionId) {
		Quota quota = this.quotas.get(connectionId);
		if (quota != null) {
			synchronized (quota.subscriptions) {
				quota.subscriptions.remove(subscriptionId);
			}
		}
	}

	int size() {
		return this.quotas.size();
	}

	private static final class Quota {

		private final Map<Action, TokenBucket> buckets = new EnumMap<>(Action.class);

		private final Set<String> subscriptions = new HashSet<>();

		Quota(Map<Action, Rate> rates, long now) {
			rates.forEach((action, rate) -> this.buckets.put(action, new TokenBucket(rate, now)));
		}

	}

}
