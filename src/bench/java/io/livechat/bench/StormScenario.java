package io.livechat.bench;

/**
 * N clients connect and join as fast as they can (all at once unless {@code --concurrency}
 * says otherwise): how fast the server admits them, and how long until every client's latest
 * user list names all N, with how many {@code users} events each received on the way.
 */
final class StormScenario {

	private final Options options;

	private final Run run;

	private final ServerProbe server;

	private final Progress progress;

	StormScenario(Options options, Run run, Progress progress) {
		this.options = options;
		this.run = run;
		this.server = new ServerProbe(options.serverPids());
		this.progress = progress;
	}

	StormResult run() throws InterruptedException {
		Deadline deadline = Deadline.after(this.options.runTimeout());
		try (ClientFleet fleet = new ClientFleet(this.run, this.options, 0)) {
			this.progress.say("storm: %d clients, %d at a time, to %s", this.options.clients(),
					this.options.concurrency(), this.options.urlList());
			CpuSample cpuStart = CpuSample.take(this.server);
			long startMicros = MicroClock.now();
			JoinStats join = fleet.join(this.options.concurrency(), deadline.within(this.options.joinTimeout()));
			Deadline settle = deadline.within(this.options.settleTimeout());
			while (join.failed() == 0 && fleet.seeingWholeRoom() < join.clients() && !settle.passed()) {
				Thread.sleep(5);
			}
			boolean settled = join.failed() == 0 && fleet.seeingWholeRoom() == join.clients();
			long settledMicros = fleet.clients().stream().mapToLong(LoadClient::wholeRoomSinceMicros).max().orElse(0);
			CpuUse cpu = CpuUse.between(cpuStart, CpuSample.take(this.server), 0, ServerProbe.ticksPerSecondInUse());
			fleet.awaitQuiet(FanoutScenario.QUIET, deadline.within(this.options.settleTimeout()));
			int minUsers = fleet.clients().stream().mapToInt(LoadClient::users).min().orElse(-1);
			return new StormResult(join, settled, settled ? (settledMicros - startMicros) / 1000.0 : null,
					fleet.seeingWholeRoom(), minUsers, fleet.usersEventsPerClient(), this.run.incidents().snapshot(), cpu,
					this.server.processes(cpu));
		}
	}

}
