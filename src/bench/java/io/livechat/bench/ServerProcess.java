package io.livechat.bench;

import java.util.List;

/**
 * One of the listed server processes at the end of a measurement: its CPU in percent of a core
 * (null when not measured) and its RSS in kB (-1 when not read).
 */
record ServerProcess(long pid, Double percentOfCore, long rssKb) {

	/** The RSS of all of them in kB, -1 if any was not read or there are none. */
	static long totalRssKb(List<ServerProcess> processes) {
		return ServerProbe.sum(processes.stream().map(ServerProcess::rssKb).toList());
	}

	/** The processes for a JSON line, null when there are none. */
	static List<JsonLine> toJson(List<ServerProcess> processes) {
		return processes.isEmpty() ? null : processes.stream().map(ServerProcess::toJson).toList();
	}

	JsonLine toJson() {
		return new JsonLine().put("pid", this.pid)
			.put("pct_of_core", this.percentOfCore)
			.put("rss_kb", (this.rssKb >= 0) ? this.rssKb : null);
	}

}
