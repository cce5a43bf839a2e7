package io.livechat.bench;

/**
 * Latency percentiles of one measurement, in milliseconds.
 */
record LatencySummary(long count, double p50, double p90, double p99, double p999, double max) {

	JsonLine toJson() {
		return new JsonLine().put("n", this.count)
			.put("p50", this.p50)
			.put("p90", this.p90)
			.put("p99", this.p99)
			.put("p99_9", this.p999)
			.put("max", this.max);
	}

}
