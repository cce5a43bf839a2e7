package io.livechat.cluster;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code cluster} in {@code /actuator/health}: UP while Redis answers, DEGRADED (still HTTP 200:
 * the node serves its own clients) while it does not.
 */
final class ClusterHealthIndicator implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "Redis is unreachable: serving this node's clients only");

	private final RedisReachability reachability;

	private final String nodeId;

	ClusterHealthIndicator(RedisReachability reachability, String nodeId) {
		this.reachability = reachability;
		this.nodeId = nodeId;
	}

	@Override
	public Health health() {
		Health.Builder health = this.reachability.isUp() ? Health.up() : Health.status(DEGRADED);
		return health.withDetail("node", this.nodeId).build();
	}

}
