package io.livechat.bench;

/**
 * CPU counters at one moment: the server's ticks (-1 without a pid), the machine's busy and
 * total ticks, and this process's CPU nanoseconds.
 */
record CpuSample(long nanos, long serverTicks, long machineBusyTicks, long machineTotalTicks, long generatorNanos) {

	static CpuSample take(ServerProbe server) {
		long[] machine = ServerProbe.machineTicks();
		return new CpuSample(System.nanoTime(), server.cpuTicks(), (machine != null) ? machine[0] : -1,
				(machine != null) ? machine[1] : -1, ServerProbe.generatorCpuNanos());
	}

}
