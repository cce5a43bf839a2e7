package io.livechat.stomp;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.livechat.config.LiveChatProperties.Limits;
import io.livechat.config.LiveChatProperties.Rate;

/**
 * Rate limits per connection, one token bucket per kind of action. A connection gets its
 * buckets when it connects and loses them when it disconnects; frames of a connection that is
 * already gone are refused.
 */
class ConnectionQuotas {

	enum Action {

		SEND, JOIN, TYPING

	}

	private final Map<Action, Rate> rates;

	private final LongSupplier nanoClock;

	private final Map<String, Map<Action, TokenBucket>> buckets = new ConcurrentHashMap<>();

	ConnectionQuotas(Limits limits, LongSupplier nanoClock) {
		this.rates = Map.of(Action.SEND, limits.send(), Action.JOIN, limits.join(), Action.TYPING, limits.typing());
		this.nanoClock = nanoClock;
	}

	void register(String connectionId) {
		long now = this.nanoClock.getAsLong();
		Map<Action, TokenBucket> own = new EnumMap<>(Action.class);
		this.rates.forEach((action, rate) -> own.put(action, new TokenBucket(rate, now)));
		this.buckets.putIfAbsent(connectionId, own);
	}

	void forget(String connectionId) {
		this.buckets.remove(connectionId);
	}

	/** Whether the connection may do one more of {@code action} now; takes a token if so. */
	boolean tryAcquire(String connectionId, Action action) {
		Map<Action, TokenBucket> own = this.buckets.get(connectionId);
		return own != null && own.get(action).tryTake(this.nanoClock.getAsLong());
	}

	Rate rate(Action action) {
		return this.rates.get(action);
	}

	int size() {
		return this.buckets.size();
	}

}
