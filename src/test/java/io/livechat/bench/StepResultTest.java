package io.livechat.bench;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StepResultTest {

	private static final LatencySummary LATENCY = new LatencySummary(100, 1, 1, 1, 1, 1);

	private static final CpuUse CPU = new CpuUse(10, null, null, List.of(), null, 10, null);

	@Test
	void countsReadsAndReadsEventsPerClientPerSecond() {
		StepResult step = step(200, 1_980, 7_960);

		assertThat(step.readsSentPerClientPerSecond()).isCloseTo(0.99, within(1e-9));
		assertThat(step.readsEventsPerClientPerSecond()).isCloseTo(3.98, within(1e-9));
		assertThat(step.toJson().toString()).contains(
				"\"reads\":{\"sent\":1980,\"sent_per_client_per_s\":0.99,\"events_received\":7960,\"events_per_client_per_s\":3.98}");
	}

	@Test
	void noReceiversMeansNoReadsPerClient() {
		StepResult step = step(0, 0, 0);

		assertThat(step.readsSentPerClientPerSecond()).isZero();
		assertThat(step.readsEventsPerClientPerSecond()).isZero();
	}

	/** A step of 10 measured seconds. */
	static StepResult step(int receivers, long readsSent, long readsEvents) {
		return new StepResult(1, 200, 50, 3_000, 0, 2_000, 2_000L * receivers, receivers, 2_000L * receivers, 0, 0,
				readsSent, readsEvents, 10, LATENCY, LATENCY, Map.of(), CPU, List.of(), -1, 1);
	}

}
