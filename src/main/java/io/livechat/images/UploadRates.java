package io.livechat.images;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.livechat.config.LiveChatProperties.Rate;
import io.livechat.stomp.TokenBucket;

/**
 * How fast each person may upload: a token bucket per public id, kept while it is not full (a
 * full bucket is no different from a new one, so the map holds only those who uploaded lately).
 */
final class UploadRates {

	/** Past this many people with a bucket, full buckets are dropped. */
	static final int TIDY_AT = 10_000;

	private final Rate rate;

	private final LongSupplier nanoTime;

	private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

	UploadRates(Rate rate, LongSupplier nanoTime) {
		this.rate = rate;
		this.nanoTime = nanoTime;
	}

	boolean tryAcquire(String person) {
		long now = this.nanoTime.getAsLong();
		if (this.buckets.size() > TIDY_AT) {
			this.buckets.values().removeIf((bucket) -> bucket.isFull(now));
		}
		return this.buckets.computeIfAbsent(person, (key) -> new TokenBucket(this.rate, now)).tryTake(now);
	}

	/** Seconds until the next upload may be made, at the sustained rate. */
	long retryAfterSeconds() {
		return Math.max(1, (long) Math.ceil(1 / this.rate.perSecond()));
	}

}
