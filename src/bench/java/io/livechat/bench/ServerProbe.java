package io.livechat.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readings of the server processes from {@code /proc/PID} (CPU time, RSS, threads) and, through
 * {@code jcmd}, their heap after a full GC; also the whole machine's CPU time and this
 * process's, so that a run disturbed by other work can be told apart. A cluster's figures are
 * the sums over its processes, absent (-1) unless every process was read. Without a pid, every
 * server reading is absent.
 */
final class ServerProbe {

	private static final Pattern HEAP_TOTAL_USED = Pattern.compile("total \\d+[KMG], used (\\d+)([KMG])");

	private static final Pattern USED = Pattern.compile("used (\\d+)([KMG])");

	private static final long TICKS_PER_SECOND = ticksPerSecond();

	private final List<Long> pids;

	ServerProbe(List<Long> pids) {
		this.pids = List.copyOf(pids);
	}

	List<Long> pids() {
		return this.pids;
	}

	boolean present() {
		return !this.pids.isEmpty();
	}

	/** utime + stime of each server in clock ticks, in the order of the pids; -1 for one not read. */
	List<Long> cpuTicks() {
		return this.pids.stream().map((pid) -> {
			String stat = read(pid, "stat");
			return (stat != null) ? cpuTicks(stat) : -1;
		}).toList();
	}

	/** The RSS of each server in kB, in the order of the pids; -1 for one not read. */
	List<Long> rssKbEach() {
		return this.pids.stream().map((pid) -> status(pid, "VmRSS")).toList();
	}

	long rssKb() {
		return sum(rssKbEach());
	}

	long threads() {
		return sum(this.pids.stream().map((pid) -> status(pid, "Threads")).toList());
	}

	/** Each server with its share of {@code cpu} and its RSS now. */
	List<ServerProcess> processes(CpuUse cpu) {
		List<Long> rssKb = rssKbEach();
		List<ServerProcess> processes = new ArrayList<>();
		for (int i = 0; i < this.pids.size(); i++) {
			Double percent = cpu.serverPercentEach().isEmpty() ? null : cpu.serverPercentEach().get(i);
			processes.add(new ServerProcess(this.pids.get(i), percent, rssKb.get(i)));
		}
		return processes;
	}

	/**
	 * Runs a full GC in the servers one after the other through jcmd, until one fails, and when
	 * every one ran waits {@code settleMillis}; returns in how many it ran. None runs unless every
	 * server is a JVM: jcmd signals its target, and the signal ends another process (a Node.js
	 * server, say).
	 */
	int fullGc(long settleMillis) throws InterruptedException {
		if (!present() || !allJvms()) {
			return 0;
		}
		int collected = 0;
		for (long pid : this.pids) {
			if (jcmd(pid, "GC.run") == null) {
				return collected;
			}
			collected++;
		}
		Thread.sleep(settleMillis);
		return collected;
	}

	/**
	 * The heap in use in kB summed over the servers, through jcmd, or -1 if jcmd is missing or
	 * fails for any, or any is not a JVM.
	 */
	long heapUsedKb() throws InterruptedException {
		if (!present() || !allJvms()) {
			return -1;
		}
		List<Long> heaps = new ArrayList<>();
		for (long pid : this.pids) {
			String heapInfo = jcmd(pid, "GC.heap_info");
			heaps.add((heapInfo != null) ? heapUsedKb(heapInfo) : -1);
		}
		return sum(heaps);
	}

	/** The sum of readings, or -1 if there are none or any is absent (negative). */
	static long sum(List<Long> readings) {
		long sum = 0;
		for (long reading : readings) {
			if (reading < 0) {
				return -1;
			}
			sum += reading;
		}
		return readings.isEmpty() ? -1 : sum;
	}

	static long ticksPerSecond() {
		try {
			Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
			if (getconf.waitFor(5, TimeUnit.SECONDS)) {
				return Long.parseLong(new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim());
			}
			getconf.destroyForcibly();
		}
		catch (IOException | NumberFormatException ex) {
			// the usual Linux value below
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return 100;
	}

	static long ticksPerSecondInUse() {
		return TICKS_PER_SECOND;
	}

	/** CPU time of this process (the generator), in nanoseconds. */
	static long generatorCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/** The machine's busy and total CPU ticks over all cores from {@code /proc/stat}, or null. */
	static long[] machineTicks() {
		try {
			return machineTicks(Files.readString(Path.of("/proc/stat")));
		}
		catch (IOException ex) {
			return null;
		}
	}

	private boolean allJvms() {
		return this.pids.stream().allMatch(ServerProbe::isJvm);
	}

	/** Whether the process has HotSpot's library mapped, read from {@code /proc/PID/maps}; false if unreadable. */
	static boolean isJvm(long pid) {
		String maps = read(pid, "maps");
		return maps != null && isJvmMaps(maps);
	}

	static boolean isJvmMaps(String maps) {
		return maps.contains("/libjvm.so");
	}

	/** utime + stime from the text of {@code /proc/PID/stat} (fields 14 and 15; the name may hold spaces). */
	static long cpuTicks(String stat) {
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	/** A numeric field of {@code /proc/PID/status} ({@code VmRSS} in kB, {@code Threads}), or -1. */
	static long statusValue(String status, String key) {
		Matcher matcher = Pattern.compile("(?m)^" + key + ":\\s+(\\d+)").matcher(status);
		return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
	}

	/** {busy, total} ticks from the first line of {@code /proc/stat}. */
	static long[] machineTicks(String procStat) {
		String[] fields = procStat.lines().findFirst().orElse("").trim().split(" +");
		long busy = 0;
		long total = 0;
		for (int i = 1; i < Math.min(fields.length, 9); i++) {
			long ticks = Long.parseLong(fields[i]);
			total += ticks;
			boolean idle = i == 4 || i == 5;
			busy += idle ? 0 : ticks;
		}
		return new long[] { busy, total };
	}

	/**
	 * The heap in use in kB from {@code jcmd PID GC.heap_info}: the sum of the generations' or
	 * the heap's "total ..., used ..." lines, else the first "used" outside Metaspace; -1 if none.
	 */
	static long heapUsedKb(String heapInfo) {
		long sum = 0;
		boolean found = false;
		long firstUsed = -1;
		for (String line : heapInfo.split("\n")) {
			if (line.contains("Metaspace") || line.contains("class space")) {
				continue;
			}
			Matcher totalUsed = HEAP_TOTAL_USED.matcher(line);
			if (totalUsed.find()) {
				sum += kilobytes(totalUsed.group(1), totalUsed.group(2));
				found = true;
				continue;
			}
			Matcher used = USED.matcher(line);
			if (firstUsed < 0 && used.find() && !line.contains("%")) {
				firstUsed = kilobytes(used.group(1), used.group(2));
			}
		}
		return found ? sum : firstUsed;
	}

	private static long kilobytes(String number, String unit) {
		long value = Long.parseLong(number);
		return switch (unit) {
			case "M" -> value * 1024;
			case "G" -> value * 1024 * 1024;
			default -> value;
		};
	}

	private static long status(long pid, String key) {
		String status = read(pid, "status");
		return (status != null) ? statusValue(status, key) : -1;
	}

	private static String read(long pid, String file) {
		try {
			return Files.readString(Path.of("/proc", Long.toString(pid), file));
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static String jcmd(long pid, String command) throws InterruptedException {
		Path beside = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		String jcmd = Files.isExecutable(beside) ? beside.toString() : "jcmd";
		Path output = null;
		try {
			output = Files.createTempFile("loadgen-jcmd", ".txt");
			Process process = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return null;
			}
			return (process.exitValue() == 0) ? Files.readString(output) : null;
		}
		catch (IOException ex) {
			return null;
		}
		finally {
			if (output != null) {
				try {
					Files.deleteIfExists(output);
				}
				catch (IOException ex) {
					// a temporary file left behind
				}
			}
		}
	}

}
