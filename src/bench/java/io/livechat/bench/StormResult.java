package io.livechat.bench;

import java.util.List;
import java.util.Map;

/**
 * A storm: the joins, and when the user lists settled.
 *
 * @param settledMillis from the first connection attempt until the last client's user list
 * named all of the run's clients in its room, null if that never happened
 * @param fewestUsersSeen the smallest count of the run's users in any client's latest list
 * after the traffic went quiet
 * @param cpu CPU used from the first connection attempt until the lists settled
 * @param servers each listed server process: its CPU as in {@code cpu} and its RSS at the end
 * (none without pids)
 */
record StormResult(JoinStats join, boolean settled, Double settledMillis, int clientsSeeingWholeRoom, int fewestUsersSeen,
		double usersEventsPerClient, Map<String, Long> incidents, CpuUse cpu, List<ServerProcess> servers) {

	StormResult {
		servers = List.copyOf(servers);
	}

	/** The servers' RSS at the end, summed; -1 without pids. */
	long serverRssKb() {
		return ServerProcess.totalRssKb(this.servers);
	}

	double joinsPerSecond() {
		return (this.join.wallMillis() > 0) ? this.join.joined() * 1000.0 / this.join.wallMillis() : 0;
	}

	JsonLine toJson() {
		return new JsonLine().put("join", this.join.toJson())
			.put("joins_per_s", joinsPerSecond())
			.put("last_joined_ms", this.join.wallMillis())
			.put("settled", this.settled)
			.put("settled_ms", this.settledMillis)
			.put("clients_seeing_whole_room", this.clientsSeeingWholeRoom)
			.put("fewest_users_seen", this.fewestUsersSeen)
			.put("users_events_per_client", this.usersEventsPerClient)
			.put("incidents", this.incidents)
			.put("cpu", this.cpu.toJson())
			.put("server_rss_kb", (serverRssKb() >= 0) ? serverRssKb() : null)
			.put("servers", ServerProcess.toJson(this.servers));
	}

}
