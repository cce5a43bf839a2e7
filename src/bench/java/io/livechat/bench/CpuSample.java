package io.livechat.bench;

import java.util.List;

/**
 * CPU counters at one moment: each server's ticks (in the order of the pids, -1 for one not
 * read, none without pids), the machine's busy and total ticks, and this process's CPU
 * nanoseconds.
 */
record CpuSample(long nanos, List<Long> serverTicks, long machineBusyTicks, long machineTotalTicks,
		long generatorNanos) {

	CpuSample {
		serverTicks = List.copyOf(serverTicks);
	}

	static CpuSample take(ServerProbe server) {
		long[] machine = ServerProbe.machineTicks();
		return new CpuSample(System.nanoTime(), server.cpuTicks(), (machine != null) ? machine[0] : -1,
				(machine != null) ? machine[1] : -1, ServerProbe.generatorCpuNanos());
	}

}
