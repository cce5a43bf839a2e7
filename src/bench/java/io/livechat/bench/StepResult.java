package io.livechat.bench;

import java.util.List;
import java.util.Map;

/**
 * One fanout step: what was sent and delivered in the measured window, how late, what went
 * wrong, and what it cost.
 *
 * @param skipped messages not sent because their sender's connection had closed
 * @param expected measured messages times the receivers in each one's room
 * @param receivers clients joined and connected when the step started
 * @param received deliveries of measured messages, each counted once per receiver
 * @param late deliveries after a higher number from the same sender (over the whole step)
 * @param duplicates deliveries seen before by the same receiver (over the whole step)
 * @param readsSent reads sent in the measured window, by every client ({@code --reads}; else 0)
 * @param readsEvents {@code reads} events received in the measured window, by every client
 * @param drainMillis how long the wait for late deliveries after the window took
 * @param servers each listed server process: its CPU in the window and its RSS at the end of
 * the step (none without pids)
 */
record StepResult(int step, double rate, int senders, long sent, long skipped, long sentMeasured, long expected,
		int receivers, long received,
		long late, long duplicates, long readsSent, long readsEvents, double durationSeconds, LatencySummary latency, LatencySummary sendLag,
		Map<String, Long> incidents, CpuUse cpu, List<ServerProcess> servers, long serverThreads, double drainMillis) {

	StepResult {
		servers = List.copyOf(servers);
	}

	/** The servers' RSS at the end of the step, summed; -1 without pids. */
	long serverRssKb() {
		return ServerProcess.totalRssKb(this.servers);
	}

	long lost() {
		return Math.max(0, this.expected - this.received);
	}

	double deliveriesPerSecond() {
		return this.received / this.durationSeconds;
	}

	double expectedPerSecond() {
		return this.expected / this.durationSeconds;
	}

	double readsSentPerClientPerSecond() {
		return perClientPerSecond(this.readsSent);
	}

	double readsEventsPerClientPerSecond() {
		return perClientPerSecond(this.readsEvents);
	}

	/** Why this step fails the bound, or null if it passes. */
	String failure(double p99LimitMillis) {
		if (this.received == 0) {
			return "nothing delivered";
		}
		if (this.skipped > 0) {
			return this.skipped + " messages not sent (closed senders)";
		}
		if (lost() > 0) {
			return "lost " + lost();
		}
		if (this.duplicates > 0 || this.late > 0) {
			return "duplicated " + this.duplicates + ", out of order " + this.late;
		}
		if (this.latency.p99() > p99LimitMillis) {
			return "p99 " + this.latency.p99() + " ms > " + p99LimitMillis + " ms";
		}
		return null;
	}

	JsonLine toJson() {
		return new JsonLine().put("step", this.step)
			.put("rate_msgs_per_s", this.rate)
			.put("senders", this.senders)
			.put("sent", this.sent)
			.put("skipped", this.skipped)
			.put("sent_measured", this.sentMeasured)
			.put("receivers", this.receivers)
			.put("expected_deliveries", this.expected)
			.put("received", this.received)
			.put("deliveries_per_s", deliveriesPerSecond())
			.put("expected_deliveries_per_s", expectedPerSecond())
			.put("lost", lost())
			.put("duplicates", this.duplicates)
			.put("out_of_order", this.late)
			.put("reads", new JsonLine().put("sent", this.readsSent)
				.put("sent_per_client_per_s", readsSentPerClientPerSecond())
				.put("events_received", this.readsEvents)
				.put("events_per_client_per_s", readsEventsPerClientPerSecond()))
			.put("latency_ms", this.latency.toJson())
			.put("send_lag_ms", this.sendLag.toJson())
			.put("incidents", this.incidents)
			.put("cpu", this.cpu.toJson())
			.put("server_rss_kb", (serverRssKb() >= 0) ? serverRssKb() : null)
			.put("server_threads", (this.serverThreads >= 0) ? this.serverThreads : null)
			.put("servers", ServerProcess.toJson(this.servers))
			.put("drain_ms", this.drainMillis);
	}

	private double perClientPerSecond(long count) {
		return (this.receivers == 0) ? 0 : count / (double) this.receivers / this.durationSeconds;
	}

}
