package io.livechat.bench;

import java.util.Map;

/**
 * An idle run: the joins, the server's memory before and after, and whether the clients stayed
 * connected through the hold.
 */
record IdleResult(JoinStats join, int clientsSeeingWholeRoom, IdleScenario.Memory before, IdleScenario.Memory after,
		long stillOpen, Map<String, Long> incidentsDuringHold) {

	/**
	 * RSS growth in kB per joined connection as the server left it, or null if unknown or if a GC
	 * was forced in between (at the start: it shrinks a JVM's heap and so skews the growth).
	 */
	Double rssGrowthPerConnectionNoGcKb() {
		return this.before.gcForced() ? null : perConnection(this.before.rssNoGcKb(), this.after.rssNoGcKb());
	}

	/** kB per joined connection between {@code before} and {@code after}, or null if unknown. */
	Double rssPerConnectionKb() {
		return perConnection(this.before.rssKb(), this.after.rssKb());
	}

	Double heapPerConnectionKb() {
		return perConnection(this.before.heapUsedKb(), this.after.heapUsedKb());
	}

	private Double perConnection(long before, long after) {
		return (before >= 0 && after >= 0 && this.join.joined() > 0) ? (after - before) / (double) this.join.joined()
				: null;
	}

	JsonLine toJson() {
		return new JsonLine().put("join", this.join.toJson())
			.put("clients_seeing_whole_room", this.clientsSeeingWholeRoom)
			.put("server_before", this.before.toJson())
			.put("server_after", this.after.toJson())
			.put("rss_per_connection_kb", rssPerConnectionKb())
			.put("rss_growth_per_connection_no_gc_kb", rssGrowthPerConnectionNoGcKb())
			.put("heap_per_connection_kb", heapPerConnectionKb())
			.put("still_open_after_hold", this.stillOpen)
			.put("incidents_during_hold", this.incidentsDuringHold);
	}

}
