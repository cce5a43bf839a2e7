package io.livechat.cluster;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Publishes this node's room events on the cluster's channel, from one thread in the order they
 * were handed over, so that a caller holding a room's lock never waits for Redis. The queue is
 * bounded; what does not fit, or finds Redis unreachable, is dropped: other nodes read missed
 * messages from the database, and presence from Redis, when it next changes or they resynchronise.
 */
final class ClusterBus implements AutoCloseable {

	/** Events waiting to be published. */
	static final int MAX_PENDING = 10_000;

	private final StringRedisTemplate redis;

	private final ClusterKeys keys;

	private final JsonMapper json;

	private final RedisReachability reachability;

	private final AtomicLong dropped = new AtomicLong();

	private final ThreadPoolExecutor publisher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(MAX_PENDING), new CustomizableThreadFactory("cluster-publisher-"),
			(task, executor) -> this.dropped.incrementAndGet());

	ClusterBus(StringRedisTemplate redis, ClusterKeys keys, JsonMapper json, RedisReachability reachability) {
		this.redis = redis;
		this.keys = keys;
		this.json = json;
		this.reachability = reachability;
	}

	void publish(ClusterMessage message) {
		if (!this.reachability.isUp()) {
			this.dropped.incrementAndGet();
			return;
		}
		this.publisher.execute(() -> send(message));
	}

	/** Events not published: the queue was full or Redis unreachable. */
	long dropped() {
		return this.dropped.get();
	}

	private void send(ClusterMessage message) {
		if (!this.reachability.isUp()) {
			this.dropped.incrementAndGet();
			return;
		}
		try {
			this.redis.convertAndSend(this.keys.channel(), this.json.writeValueAsString(message));
		}
		catch (RuntimeException ex) {
			this.dropped.incrementAndGet();
			this.reachability.lost(ex);
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.publisher.shutdown();
		this.publisher.awaitTermination(2, TimeUnit.SECONDS);
	}

}
