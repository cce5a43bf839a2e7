package io.livechat.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.livechat.chat.RoomRegistry;
import io.livechat.chat.RoomSummary;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The load generator against the whole application on a random port: small runs of its
 * scenarios must find what a healthy server delivers, every message to every client once and
 * in order, and user lists that settle.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoadToolTest {

	@LocalServerPort
	int port;

	@Autowired
	RoomRegistry rooms;

	@Test
	void fanoutDeliversEveryMeasuredMessageToEveryClientOnceAndInOrder() throws Exception {
		Options options = Options.parse("fanout", "--url", url(), "--clients", "20", "--senders", "2", "--rate", "8",
				"--duration", "3", "--warmup", "1");
		List<StepResult> reported = new ArrayList<>();

		FanoutResult result = new FanoutScenario(options, Run.random(), Progress.SILENT)
			.run((joining, step) -> reported.add(step));

		assertThat(result.joining().join().joined()).isEqualTo(20);
		assertThat(result.joining().clientsSeeingWholeRoom()).as("user lists naming all 20").isEqualTo(20);
		assertThat(result.steps()).hasSize(1).isEqualTo(reported);
		StepResult step = result.steps().get(0);
		assertThat(step.sentMeasured()).isEqualTo(8 * 3);
		assertThat(step.expected()).isEqualTo(8 * 3 * 20);
		assertThat(step.received()).isEqualTo(step.expected());
		assertThat(step.lost()).isZero();
		assertThat(step.duplicates()).isZero();
		assertThat(step.late()).isZero();
		assertThat(step.latency().count()).isEqualTo(step.expected());
		assertThat(step.incidents()).isEmpty();
		// what the run counts as a failure, latency aside (a busy test machine is no measurement)
		assertThat(step.failure(Double.MAX_VALUE)).isNull();
	}

	/**
	 * The same node twice stands in for a cluster, and the parent process for a second server
	 * (fanout only reads {@code /proc}; it never attaches jcmd, which would signal a non-JVM).
	 */
	@Test
	void fanoutOverTwoUrlsCountsEveryDeliveryAsOverOne() throws Exception {
		long self = ProcessHandle.current().pid();
		long parent = ProcessHandle.current().parent().orElseThrow().pid();
		Options options = Options.parse("fanout", "--url", url() + "," + url(), "--clients", "20", "--senders", "2",
				"--rate", "8", "--duration", "2", "--warmup", "1", "--server-pid", self + "," + parent);

		FanoutResult result = new FanoutScenario(options, Run.random(), Progress.SILENT).run((joining, step) -> {
		});

		assertThat(result.joining().join().joined()).isEqualTo(20);
		StepResult step = result.steps().get(0);
		assertThat(step.expected()).isEqualTo(8 * 2 * 20);
		assertThat(step.received()).isEqualTo(step.expected());
		assertThat(step.duplicates()).isZero();
		assertThat(step.late()).isZero();
		assertThat(step.servers()).extracting(ServerProcess::pid).containsExactly(self, parent);
	}

	@Test
	void fanoutOfferingDeflateThroughTheToolsOwnClientCountsAlikeAndTheServerDeclinesIt() throws Exception {
		Run run = Run.random();
		Options options = Options.parse("fanout", "--url", url(), "--clients", "20", "--senders", "2", "--rate", "8",
				"--duration", "2", "--warmup", "1", "--deflate");

		FanoutResult result = new FanoutScenario(options, run, Progress.SILENT).run((joining, step) -> {
		});

		assertThat(result.joining().join().joined()).isEqualTo(20);
		StepResult step = result.steps().get(0);
		assertThat(step.received()).isEqualTo(step.expected()).isEqualTo(8 * 2 * 20);
		assertThat(step.duplicates()).isZero();
		assertThat(step.late()).isZero();
		assertThat(step.incidents()).isEmpty();
		assertThat(run.extensions()).containsExactly(entry("none", 20L));
	}

	@Test
	void aStormOfFiftyClientsJoinsAndEveryUserListSettlesAtFifty() throws Exception {
		Options options = Options.parse("storm", "--url", url(), "--clients", "50");

		StormResult result = new StormScenario(options, Run.random(), Progress.SILENT).run();

		assertThat(result.join().joined()).isEqualTo(50);
		assertThat(result.join().failures()).isEmpty();
		assertThat(result.settled()).isTrue();
		assertThat(result.settledMillis()).isPositive();
		assertThat(result.clientsSeeingWholeRoom()).isEqualTo(50);
		assertThat(result.fewestUsersSeen()).isEqualTo(50);
		assertThat(result.joinsPerSecond()).isPositive();
		assertThat(result.incidents()).isEmpty();
	}

	@Test
	void idleWithoutAForcedGcReportsTheRssGrowthAsTheServerLeftIt() throws Exception {
		long self = ProcessHandle.current().pid();
		Options options = Options.parse("idle", "--url", url(), "--clients", "10", "--hold", "0", "--forced-gc", "no",
				"--server-pid", Long.toString(self));

		IdleResult result = new IdleScenario(options, Run.random(), Progress.SILENT).run();

		assertThat(result.join().joined()).isEqualTo(10);
		assertThat(result.before().gcForced()).isFalse();
		assertThat(result.rssGrowthPerConnectionNoGcKb()).isNotNull();
		assertThat(result.heapPerConnectionKb()).isNull();
	}

	@AfterEach
	void everyoneLeaves() {
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.rooms.summaries().stream().mapToInt(RoomSummary::users).sum() == 0);
	}

	private String url() {
		return "ws://127.0.0.1:" + this.port + "/ws";
	}

}
