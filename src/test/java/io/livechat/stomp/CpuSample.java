package io.livechat.stomp;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU counters at one moment, for a test that runs server and load generator in one JVM: the
 * JVM's CPU time, the generator's part of it (its scheduler threads and its clients' readers),
 * and the whole machine's busy and total ticks from {@code /proc/stat} (-1 where that cannot be
 * read), so that what other processes took shows too.
 */
record CpuSample(long nanos, long processNanos, long generatorNanos, long machineBusyTicks, long machineTotalTicks) {

	private static final int CORES = Runtime.getRuntime().availableProcessors();

	static CpuSample take(List<Thread> generatorThreads, List<CountingClient> clients) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long generator = 0;
		for (Thread thread : generatorThreads) {
			generator += Math.max(0, threads.getThreadCpuTime(thread.getId()));
		}
		for (CountingClient client : clients) {
			generator += client.readerCpuNanos();
		}
		long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
		long[] machine = machineTicks();
		return new CpuSample(System.nanoTime(), process, generator, machine[0], machine[1]);
	}

	/**
	 * What was used between two samples, in percent of one core: by the server (the JVM but the
	 * generator, so GC and JIT count here), by the generator, and by other processes; and how busy
	 * the machine was.
	 */
	static String use(CpuSample from, CpuSample to) {
		double seconds = (to.nanos - from.nanos) / 1e9;
		if (seconds <= 0) {
			return "-";
		}
		double process = (to.processNanos - from.processNanos) / 1e9 / seconds;
		double generator = (to.generatorNanos - from.generatorNanos) / 1e9 / seconds;
		double others = othersPercent(from, to);
		String machine = Double.isNaN(others) ? ""
				: String.format(", other processes %.0f%%; machine %.0f%% busy (%d cores)", others,
						(others + 100 * process) / CORES, CORES);
		return String.format("server %.0f%%, generator %.0f%% of a core%s", 100 * (process - generator), 100 * generator,
				machine);
	}

	/** What other processes used between two samples, in percent of one core; NaN if unknown. */
	static double othersPercent(CpuSample from, CpuSample to) {
		double seconds = (to.nanos - from.nanos) / 1e9;
		if (seconds <= 0 || from.machineTotalTicks <= 0 || to.machineTotalTicks <= from.machineTotalTicks) {
			return Double.NaN;
		}
		double busyCores = CORES * (double) (to.machineBusyTicks - from.machineBusyTicks)
				/ (to.machineTotalTicks - from.machineTotalTicks);
		return 100 * (busyCores - (to.processNanos - from.processNanos) / 1e9 / seconds);
	}

	/** Busy and total ticks of all CPUs since boot: user, nice, system, idle, iowait, irq, softirq, steal. */
	private static long[] machineTicks() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long total = 0;
			for (int i = 1; i <= 8 && i < fields.length; i++) {
				total += Long.parseLong(fields[i]);
			}
			long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
			return new long[] { total - idle, total };
		}
		catch (IOException | RuntimeException ex) {
			return new long[] { -1, -1 };
		}
	}

}
