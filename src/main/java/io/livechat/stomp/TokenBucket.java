package io.livechat.stomp;

import io.livechat.config.LiveChatProperties.Rate;

/**
 * A token bucket: holds up to {@code burst} tokens, refilled at {@code perSecond}; each action
 * takes one (or as many as it counts for).
 */
public final class TokenBucket {

	private static final double NANOS_PER_SECOND = 1_000_000_000d;

	private final double capacity;

	private final double tokensPerNano;

	private double tokens;

	private long lastRefill;

	public TokenBucket(Rate rate, long nowNanos) {
		this.capacity = rate.burst();
		this.tokensPerNano = rate.perSecond() / NANOS_PER_SECOND;
		this.tokens = rate.burst();
		this.lastRefill = nowNanos;
	}

	public boolean tryTake(long nowNanos) {
		return tryTake(1, nowNanos);
	}

	/** Takes {@code count} tokens if there are that many; none otherwise. */
	synchronized boolean tryTake(int count, long nowNanos) {
		refill(nowNanos);
		if (this.tokens < count) {
			return false;
		}
		this.tokens -= count;
		return true;
	}

	/** Gives back a token taken for an action that another limit then refused. */
	synchronized void refund() {
		this.tokens = Math.min(this.capacity, this.tokens + 1);
	}

	/** How long until the bucket holds a whole token again; 0 when it does now. */
	public synchronized long nanosUntilToken(long nowNanos) {
		refill(nowNanos);
		return (this.tokens >= 1) ? 0 : (long) Math.ceil((1 - this.tokens) / this.tokensPerNano);
	}

	/** Whether the bucket has refilled completely: it is then no different from a new one. */
	public synchronized boolean isFull(long nowNanos) {
		refill(nowNanos);
		return this.tokens >= this.capacity;
	}

	private void refill(long nowNanos) {
		if (nowNanos > this.lastRefill) {
			this.tokens = Math.min(this.capacity, this.tokens + (nowNanos - this.lastRefill) * this.tokensPerNano);
			this.lastRefill = nowNanos;
		}
	}

}
