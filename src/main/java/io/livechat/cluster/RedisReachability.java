package io.livechat.cluster;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node can reach Redis, as its last call found. While it cannot, the node serves
 * its own clients alone and skips Redis rather than wait for each call's timeout; the heartbeat
 * tries again and resynchronises when Redis answers.
 */
final class RedisReachability {

	private static final Logger logger = LoggerFactory.getLogger(RedisReachability.class);

	private final AtomicBoolean up = new AtomicBoolean(true);

	boolean isUp() {
		return this.up.get();
	}

	/** A call failed: logged once per outage. */
	void lost(RuntimeException cause) {
		if (this.up.compareAndSet(true, false)) {
			logger.warn("Redis is unreachable, serving this node's own clients only until it returns: {}",
					cause.getMessage());
		}
	}

	/** Redis answered; true when it had been unreachable until now. */
	boolean regained() {
		boolean wasDown = this.up.compareAndSet(false, true);
		if (wasDown) {
			logger.info("Redis is reachable again");
		}
		return wasDown;
	}

}
