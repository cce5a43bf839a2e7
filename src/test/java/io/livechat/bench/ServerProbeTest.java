package io.livechat.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ServerProbeTest {

	@Test
	void readsUserAndSystemTicksEvenWhenTheProcessNameHoldsSpacesAndParentheses() {
		String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 123 0 0 0 1500 250 0 0 20 0 61 0 100 0 0";

		assertThat(ServerProbe.cpuTicks(stat)).isEqualTo(1750);
	}

	@Test
	void readsRssAndThreadsFromStatus() {
		String status = "Name:\tjava\nVmHWM:\t  400000 kB\nVmRSS:\t  365432 kB\nThreads:\t61\n";

		assertThat(ServerProbe.statusValue(status, "VmRSS")).isEqualTo(365432);
		assertThat(ServerProbe.statusValue(status, "Threads")).isEqualTo(61);
		assertThat(ServerProbe.statusValue(status, "VmSwap")).isEqualTo(-1);
	}

	@Test
	void countsTheMachineBusyWithoutIdleAndIoWait() {
		long[] ticks = ServerProbe.machineTicks("cpu  100 5 50 1000 20 3 2 1 0 0\ncpu0 50 2 25 500 10 1 1 0 0 0\n");

		assertThat(ticks).containsExactly(161, 1181);
	}

	@Test
	void readsTheG1HeapInUse() {
		String heapInfo = """
				4242:
				 garbage-first heap   total 262144K, used 21065K [0x00000000f0000000, 0x0000000100000000)
				  region size 1024K, 5 young (5120K), 0 survivors (0K)
				 Metaspace       used 54717K, committed 55232K, reserved 1114112K
				  class space    used 7245K, committed 7488K, reserved 1048576K
				""";

		assertThat(ServerProbe.heapUsedKb(heapInfo)).isEqualTo(21065);
	}

	@Test
	void addsUpTheGenerationsOfTheParallelHeap() {
		String heapInfo = """
				4242:
				 PSYoungGen      total 76288K, used 3932K [0x00000000eab00000, 0x00000000f0000000, 0x0000000100000000)
				  eden space 65536K, 6% used [0x00000000eab00000,0x00000000eaed7278,0x00000000eeb00000)
				 ParOldGen       total 175104K, used 13463K [0x00000000c0000000, 0x00000000cab00000, 0x00000000eab00000)
				  object space 175104K, 7% used [0x00000000c0000000,0x00000000c0d25f38,0x00000000cab00000)
				 Metaspace       used 54717K, committed 55232K, reserved 1114112K
				""";

		assertThat(ServerProbe.heapUsedKb(heapInfo)).isEqualTo(3932 + 13463);
	}

	@Test
	void readsAZgcHeapInMegabytes() {
		String heapInfo = " ZHeap           used 64M, capacity 256M, max capacity 4096M\n Metaspace       used 50000K, committed 51000K\n";

		assertThat(ServerProbe.heapUsedKb(heapInfo)).isEqualTo(64 * 1024);
	}

	@Test
	void withoutAPidReadsNothing() throws InterruptedException {
		ServerProbe probe = new ServerProbe(List.of());

		assertThat(probe.cpuTicks()).isEmpty();
		assertThat(probe.rssKb()).isEqualTo(-1);
		assertThat(probe.fullGc(0)).isZero();
		assertThat(probe.heapUsedKb()).isEqualTo(-1);
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void readsALiveProcess() {
		ServerProbe probe = new ServerProbe(List.of(ProcessHandle.current().pid()));

		assertThat(probe.cpuTicks()).singleElement().satisfies((ticks) -> assertThat(ticks).isPositive());
		assertThat(probe.rssKb()).isPositive();
		assertThat(probe.threads()).isPositive();
		assertThat(ServerProbe.machineTicks()).hasSize(2);
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void tellsAJvmByHotSpotsLibraryInItsMaps() {
		assertThat(ServerProbe.isJvm(ProcessHandle.current().pid())).isTrue();
		assertThat(ServerProbe.isJvmMaps("7f3c-7f3d r-xp 00000000 08:01 42 /usr/lib/jvm/java-17/lib/server/libjvm.so\n"))
			.isTrue();
		assertThat(ServerProbe.isJvmMaps("55d0-55d1 r-xp 00000000 08:01 7 /usr/bin/node\n")).isFalse();
	}

	/** jcmd would signal the process (SIGQUIT), which ends one that is not a JVM. */
	@Test
	@EnabledOnOs(OS.LINUX)
	void neverRunsJcmdAgainstAProcessThatIsNotAJvm() throws Exception {
		Process other = new ProcessBuilder("sleep", "30").start();
		try {
			ServerProbe probe = new ServerProbe(List.of(other.pid()));

			assertThat(probe.fullGc(0)).isZero();
			assertThat(probe.heapUsedKb()).isEqualTo(-1);
			assertThat(probe.rssKb()).isPositive();
			assertThat(other.isAlive()).isTrue();
		}
		finally {
			other.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
		}
	}

	@Nested
	class SeveralProcesses {

		@Test
		void sumTheirReadingsOnlyWhenEveryOneWasRead() {
			assertThat(ServerProbe.sum(List.of(300_000L, 200_000L))).isEqualTo(500_000);
			assertThat(ServerProbe.sum(List.of(300_000L, -1L))).isEqualTo(-1);
			assertThat(ServerProbe.sum(List.of())).isEqualTo(-1);
		}

		@Test
		void addUpTheirRssAndListEachInTheJsonLine() {
			List<ServerProcess> servers = List.of(new ServerProcess(4242, 150.0, 300_000),
					new ServerProcess(4243, 100.0, 200_000));

			assertThat(ServerProcess.totalRssKb(servers)).isEqualTo(500_000);
			assertThat(new JsonLine().put("servers", ServerProcess.toJson(servers)))
				.hasToString("{\"servers\":[{\"pid\":4242,\"pct_of_core\":150.0,\"rss_kb\":300000},"
						+ "{\"pid\":4243,\"pct_of_core\":100.0,\"rss_kb\":200000}]}");
			assertThat(ServerProcess.toJson(List.of())).isNull();
		}

		@Test
		@EnabledOnOs(OS.LINUX)
		void readEachLiveProcessAndPairItWithItsShareOfTheCpu() {
			long self = ProcessHandle.current().pid();
			long parent = ProcessHandle.current().parent().orElseThrow().pid();
			ServerProbe probe = new ServerProbe(List.of(self, parent));
			CpuUse cpu = new CpuUse(1, 2.5, 250.0, List.of(150.0, 100.0), null, 10, 0.0);

			List<ServerProcess> servers = probe.processes(cpu);

			assertThat(probe.cpuTicks()).hasSize(2).allSatisfy((ticks) -> assertThat(ticks).isNotNegative());
			assertThat(servers).extracting(ServerProcess::pid, ServerProcess::percentOfCore)
				.containsExactly(tuple(self, 150.0), tuple(parent, 100.0));
			assertThat(servers).allSatisfy((server) -> assertThat(server.rssKb()).isPositive());
			assertThat(probe.threads()).isGreaterThan(1);
		}

	}

}
