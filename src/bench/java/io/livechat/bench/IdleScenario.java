package io.livechat.bench;

import java.util.Map;

/**
 * N clients join and stay. With the server's pid: its RSS, heap after a full GC and threads
 * before the clients connect and after all have joined, and so the memory one connection costs.
 * RSS is read twice each time: as the server left it, then after the full GC (a JVM's only:
 * jcmd is not run against other processes). Growth as left, with no GC forced in between, is
 * the figure comparable with a server that has no GC to force; {@code --forced-gc no} forces
 * none at all, so that a JVM has it too. With several pids each figure is their sum.
 */
final class IdleScenario {

	private static final long GC_SETTLE_MILLIS = 2000;

	private final Options options;

	private final Run run;

	private final ServerProbe server;

	private final Progress progress;

	IdleScenario(Options options, Run run, Progress progress) {
		this.options = options;
		this.run = run;
		this.server = new ServerProbe(options.serverPids());
		this.progress = progress;
	}

	IdleResult run() throws InterruptedException {
		Deadline deadline = Deadline.after(this.options.runTimeout());
		Memory before = memory();
		try (ClientFleet fleet = new ClientFleet(this.run, this.options, 0)) {
			this.progress.say("connecting %d clients to %s", this.options.clients(), this.options.urlList());
			JoinStats join = fleet.join(this.options.concurrency(), deadline.within(this.options.joinTimeout()));
			Deadline holdEnds = deadline.within(this.options.hold());
			fleet.awaitQuiet(FanoutScenario.QUIET, deadline.within(this.options.settleTimeout()));
			this.progress.say("%d joined in %.0f ms; measuring, then holding for %.0f s", join.joined(),
					join.wallMillis(), Options.seconds(this.options.hold()));
			Memory after = memory();
			Map<String, Long> incidentsBefore = this.run.incidents().snapshot();
			while (!holdEnds.passed()) {
				Thread.sleep(Math.min(200, Math.max(1, holdEnds.remainingNanos() / 1_000_000)));
			}
			long stillOpen = fleet.clients().stream().filter(LoadClient::isOpen).count();
			return new IdleResult(join, fleet.seeingWholeRoom(), before, after, stillOpen,
					Incidents.since(incidentsBefore, this.run.incidents().snapshot()));
		}
	}

	private Memory memory() throws InterruptedException {
		long rssAsLeft = this.server.rssKb();
		int collected = this.options.forcedGc() ? this.server.fullGc(GC_SETTLE_MILLIS) : 0;
		long heap = (collected > 0 && collected == this.options.serverPids().size()) ? this.server.heapUsedKb() : -1;
		return new Memory(rssAsLeft, this.server.rssKb(), heap, this.server.threads(), collected > 0);
	}

	/**
	 * The server's memory and threads at one moment; -1 where unknown.
	 *
	 * @param rssNoGcKb RSS as the server left it, before the GC
	 * @param rssKb RSS after the full GC (without one, read again a moment later)
	 * @param gcForced whether a full GC ran (in any of the servers)
	 */
	record Memory(long rssNoGcKb, long rssKb, long heapUsedKb, long threads, boolean gcForced) {

		JsonLine toJson() {
			return new JsonLine().put("gc_forced", this.gcForced)
				.put("rss_no_gc_kb", orNull(this.rssNoGcKb))
				.put("rss_kb", orNull(this.rssKb))
				.put("heap_used_kb", orNull(this.heapUsedKb))
				.put("threads", orNull(this.threads));
		}

		static Long orNull(long value) {
			return (value >= 0) ? value : null;
		}

	}

}
