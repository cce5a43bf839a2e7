package io.livechat.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * CPU used between two samples, in seconds and in percent of one core: by the server (summed
 * over its processes, and each one's percent), by the generator, and by everything else on the
 * machine ("others": a run with much of it was disturbed). Server and others figures are null
 * (each one's percent empty) without the servers' pids, or when any of them was not read.
 */
record CpuUse(double seconds, Double serverSeconds, Double serverPercent, List<Double> serverPercentEach,
		Double serverMicrosPerDelivery, double generatorPercent, Double othersPercent) {

	CpuUse {
		serverPercentEach = List.copyOf(serverPercentEach);
	}

	static CpuUse between(CpuSample start, CpuSample end, long deliveries, long ticksPerSecond) {
		double seconds = (end.nanos() - start.nanos()) / 1e9;
		double generatorSeconds = (end.generatorNanos() - start.generatorNanos()) / 1e9;
		List<Double> serverSecondsEach = new ArrayList<>();
		for (int i = 0; i < start.serverTicks().size(); i++) {
			long from = start.serverTicks().get(i);
			long to = end.serverTicks().get(i);
			if (from < 0 || to < 0) {
				serverSecondsEach.clear();
				break;
			}
			serverSecondsEach.add((double) (to - from) / ticksPerSecond);
		}
		boolean server = !serverSecondsEach.isEmpty();
		Double serverSeconds = server ? serverSecondsEach.stream().mapToDouble(Double::doubleValue).sum() : null;
		Double othersPercent = null;
		if (server && start.machineBusyTicks() >= 0 && end.machineBusyTicks() >= 0) {
			double busySeconds = (double) (end.machineBusyTicks() - start.machineBusyTicks()) / ticksPerSecond;
			othersPercent = percent(busySeconds - generatorSeconds - serverSeconds, seconds);
		}
		return new CpuUse(seconds, serverSeconds, server ? percent(serverSeconds, seconds) : null,
				serverSecondsEach.stream().map((each) -> percent(each, seconds)).toList(),
				(server && deliveries > 0) ? serverSeconds * 1e6 / deliveries : null, percent(generatorSeconds, seconds),
				othersPercent);
	}

	private static double percent(double used, double seconds) {
		return (seconds > 0) ? 100 * used / seconds : 0;
	}

	JsonLine toJson() {
		return new JsonLine().put("window_s", this.seconds)
			.put("server_s", this.serverSeconds)
			.put("server_pct_of_core", this.serverPercent)
			.put("server_us_per_delivery", this.serverMicrosPerDelivery)
			.put("generator_pct_of_core", this.generatorPercent)
			.put("others_pct_of_core", this.othersPercent);
	}

}
