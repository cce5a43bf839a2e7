package io.livechat.bench;

import java.util.Map;

/**
 * How the clients connected and joined: how many made it, why the others did not, the wall
 * time for all of them and each client's time from opening its socket to its {@code joined}
 * reply.
 */
record JoinStats(int clients, int joined, Map<String, Long> failures, double wallMillis, LatencySummary perClient) {

	int failed() {
		return this.clients - this.joined;
	}

	JsonLine toJson() {
		return new JsonLine().put("clients", this.clients)
			.put("joined", this.joined)
			.put("failed", failed())
			.put("failures", this.failures)
			.put("wall_ms", this.wallMillis)
			.put("per_client_ms", new JsonLine().put("p50", this.perClient.p50())
				.put("p99", this.perClient.p99())
				.put("max", this.perClient.max()));
	}

}
