package io.livechat.bench;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdleResultTest {

	private static final JoinStats TEN_JOINED = new JoinStats(10, 10, Map.of(), 100,
			new LatencySummary(10, 1, 1, 1, 1, 1));

	@Test
	void withoutAForcedGcTheGrowthAsLeftIsPerConnection() {
		IdleResult result = result(new IdleScenario.Memory(50_000, 50_000, -1, 10, false),
				new IdleScenario.Memory(50_300, 50_300, -1, 10, false));

		assertThat(result.rssGrowthPerConnectionNoGcKb()).isEqualTo(30.0);
		assertThat(result.rssPerConnectionKb()).isEqualTo(30.0);
		assertThat(result.heapPerConnectionKb()).isNull();
		assertThat(result.toJson().toString()).contains("\"rss_growth_per_connection_no_gc_kb\":30.0",
				"\"gc_forced\":false");
	}

	/** A JVM's heap shrinks after the first full GC, so growth as left would count that too. */
	@Test
	void aGcForcedAtTheStartLeavesNoGrowthAsLeft() {
		IdleResult result = result(new IdleScenario.Memory(300_000, 200_000, 40_000, 60, true),
				new IdleScenario.Memory(210_000, 205_000, 41_000, 60, true));

		assertThat(result.rssGrowthPerConnectionNoGcKb()).isNull();
		assertThat(result.rssPerConnectionKb()).isEqualTo(500.0);
		assertThat(result.heapPerConnectionKb()).isEqualTo(100.0);
	}

	private static IdleResult result(IdleScenario.Memory before, IdleScenario.Memory after) {
		return new IdleResult(TEN_JOINED, 10, before, after, 10, Map.of());
	}

}
