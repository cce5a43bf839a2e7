package io.livechat.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CpuUseTest {

	private static final long TICKS_PER_SECOND = 100;

	@Test
	void addsUpTheServersAndCountsNoneOfThemAmongTheOthers() {
		CpuSample start = new CpuSample(0, List.of(1_000L, 2_000L), 10_000, 40_000, 0);
		CpuSample end = new CpuSample(2_000_000_000L, List.of(1_300L, 2_200L), 10_900, 40_800, 400_000_000L);

		CpuUse cpu = CpuUse.between(start, end, 1_000_000, TICKS_PER_SECOND);

		assertThat(cpu.serverSeconds()).isCloseTo(5.0, within(1e-9));
		assertThat(cpu.serverPercent()).isCloseTo(250.0, within(1e-9));
		assertThat(cpu.serverPercentEach()).containsExactly(150.0, 100.0);
		assertThat(cpu.serverMicrosPerDelivery()).isCloseTo(5.0, within(1e-9));
		assertThat(cpu.generatorPercent()).isCloseTo(20.0, within(1e-9));
		assertThat(cpu.othersPercent()).as("9 s busy - 5 s servers - 0.4 s generator over 2 s")
			.isCloseTo(180.0, within(1e-9));
	}

	@Test
	void oneServerIsTheServer() {
		CpuSample start = new CpuSample(0, List.of(1_000L), 10_000, 40_000, 0);
		CpuSample end = new CpuSample(1_000_000_000L, List.of(1_050L), 10_100, 40_400, 0);

		CpuUse cpu = CpuUse.between(start, end, 0, TICKS_PER_SECOND);

		assertThat(cpu.serverPercent()).isCloseTo(50.0, within(1e-9));
		assertThat(cpu.serverPercentEach()).containsExactly(50.0);
		assertThat(cpu.serverMicrosPerDelivery()).isNull();
		assertThat(cpu.othersPercent()).isCloseTo(50.0, within(1e-9));
	}

	@Test
	void aServerNotReadLeavesOutTheServerAndOthersFigures() {
		CpuSample start = new CpuSample(0, List.of(1_000L, 2_000L), 10_000, 40_000, 0);
		CpuSample end = new CpuSample(1_000_000_000L, List.of(1_100L, -1L), 10_300, 40_400, 0);

		CpuUse cpu = CpuUse.between(start, end, 100, TICKS_PER_SECOND);

		assertThat(cpu.serverSeconds()).isNull();
		assertThat(cpu.serverPercent()).isNull();
		assertThat(cpu.serverPercentEach()).isEmpty();
		assertThat(cpu.serverMicrosPerDelivery()).isNull();
		assertThat(cpu.othersPercent()).isNull();
	}

	@Test
	void withoutPidsMeasuresOnlyTheGenerator() {
		CpuSample start = new CpuSample(0, List.of(), 10_000, 40_000, 0);
		CpuSample end = new CpuSample(1_000_000_000L, List.of(), 10_300, 40_400, 500_000_000L);

		CpuUse cpu = CpuUse.between(start, end, 100, TICKS_PER_SECOND);

		assertThat(cpu.serverSeconds()).isNull();
		assertThat(cpu.othersPercent()).isNull();
		assertThat(cpu.generatorPercent()).isCloseTo(50.0, within(1e-9));
	}

}
