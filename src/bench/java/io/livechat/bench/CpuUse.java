package io.livechat.bench;

/**
 * CPU used between two samples, in seconds and in percent of one core: by the server, by the
 * generator, and by everything else on the machine ("others": a run with much of it was
 * disturbed). Server and others figures are null without the server's pid.
 */
record CpuUse(double seconds, Double serverSeconds, Double serverPercent, Double serverMicrosPerDelivery,
		double generatorPercent, Double othersPercent) {

	static CpuUse between(CpuSample start, CpuSample end, long deliveries, long ticksPerSecond) {
		double seconds = (end.nanos() - start.nanos()) / 1e9;
		double generatorSeconds = (end.generatorNanos() - start.generatorNanos()) / 1e9;
		boolean server = start.serverTicks() >= 0 && end.serverTicks() >= 0;
		Double serverSeconds = server ? (double) (end.serverTicks() - start.serverTicks()) / ticksPerSecond : null;
		Double othersPercent = null;
		if (server && start.machineBusyTicks() >= 0 && end.machineBusyTicks() >= 0) {
			double busySeconds = (double) (end.machineBusyTicks() - start.machineBusyTicks()) / ticksPerSecond;
			othersPercent = percent(busySeconds - generatorSeconds - serverSeconds, seconds);
		}
		return new CpuUse(seconds, serverSeconds, server ? percent(serverSeconds, seconds) : null,
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
