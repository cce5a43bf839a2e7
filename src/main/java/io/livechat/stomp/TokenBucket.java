package io.livechat.stomp;

import io.livechat.config.LiveChatProperties.Rate;

/**
 * A token bucket: holds up to {@code burst} tokens, refilled at {@code perSecond}; each action
 * takes one.
 */
final class TokenBucket {

	private static final double NANOS_PER_SECOND = 1_000_000_000d;

	private final double capacity;

	private final double tokensPerNano;

	private double tokens;

	private long lastRefill;

	TokenBucket(Rate rate, long nowNanos) {
		this.capacity = rate.burst();
		this.tokensPerNano = rate.perSecond() / NANOS_PER_SECOND;
		this.tokens = rate.burst();
		this.lastRefill = nowNanos;
	}

	synchronized boolean tryTake(long nowNanos) {
		long elapsed = Math.max(0, nowNanos - this.lastRefill);
		this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.tokensPerNano);
		this.lastRefill = nowNanos;
		if (this.tokens < 1) {
			return false;
		}
		this.tokens -= 1;
		return true;
	}

}
