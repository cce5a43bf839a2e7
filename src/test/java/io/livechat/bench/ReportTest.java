package io.livechat.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

	private static final FanoutResult.Joining JOINING = new FanoutResult.Joining(
			new JoinStats(200, 200, Map.of(), 900, new LatencySummary(200, 1, 1, 1, 1, 1)), 200, 1.0);

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	@Test
	void aFanoutStepWithReadsShowsTheReadsSentAndTheReadsEventsReceived() {
		report("fanout", "--reads").fanoutStep(JOINING, StepResultTest.step(200, 1_980, 7_960));

		assertThat(printed()).contains("reads", "1980 sent (0.99 per client per second), 7960 reads events received"
				+ " (3.98 per client per second)", "\"reads\":{\"sent\":1980,");
	}

	@Test
	void aFanoutStepWithoutReadsShowsNoReadsRowButRecordsTheCounts() {
		report("fanout").fanoutStep(JOINING, StepResultTest.step(200, 0, 0));

		assertThat(printed()).doesNotContain("reads events received")
			.contains("\"reads\":{\"sent\":0,\"sent_per_client_per_s\":0.0,\"events_received\":0");
	}

	private Report report(String... args) {
		return new Report(Options.parse(args), new Run("ab1"), new PrintStream(this.out, true, StandardCharsets.UTF_8));
	}

	private String printed() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

}
