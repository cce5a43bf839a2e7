package io.livechat.bench;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The load tool against the Socket.io reference chat (src/bench/socketio) under {@code node}:
 * the same scenarios find what a healthy server delivers, as they do against LiveChat. Run by
 * failsafe with {@code -Psocketio} (as .ci/run does), after {@code npm ci} there.
 */
@ExtendWith(SocketIoReferenceServer.Installed.class)
class SocketIoReferenceIT {

	/** One server, plain or tuned, for the tests of a nested class. */
	@TestInstance(TestInstance.Lifecycle.PER_CLASS)
	abstract static class WithServer {

		private final boolean tuned;

		SocketIoReferenceServer server;

		WithServer(boolean tuned) {
			this.tuned = tuned;
		}

		@BeforeAll
		void start() throws Exception {
			this.server = SocketIoReferenceServer.start(this.tuned);
		}

		@AfterAll
		void stop() throws Exception {
			this.server.close();
		}

	}

	@Nested
	class Plain extends WithServer {

		Plain() {
			super(false);
		}

		@Test
		void runsWithoutTheNativeAddOn() throws Exception {
			assertThat(this.server.health()).contains("\"mode\":\"plain\"", "\"bufferutil\":false");
		}

		@Test
		void fanoutDeliversEveryMeasuredMessageToEveryClientOnceAndInOrder() throws Exception {
			Run run = Run.random();
			Options options = Options.parse("fanout", "--proto", "socketio", "--url", this.server.url(), "--clients", "20",
					"--senders", "2", "--rate", "8", "--duration", "3", "--warmup", "1", "--server-pid",
					Long.toString(this.server.pid()));
			List<StepResult> reported = new ArrayList<>();

			FanoutResult result = new FanoutScenario(options, run, Progress.SILENT).run((joining, step) -> reported.add(step));

			assertThat(result.joining().join().joined()).isEqualTo(20);
			assertThat(result.joining().clientsSeeingWholeRoom()).as("user lists naming all 20").isEqualTo(20);
			StepResult step = result.steps().get(0);
			assertThat(step.sentMeasured()).isEqualTo(8 * 3);
			assertThat(step.expected()).isEqualTo(8 * 3 * 20);
			assertThat(step.received()).isEqualTo(step.expected());
			assertThat(step.duplicates()).isZero();
			assertThat(step.late()).isZero();
			assertThat(step.latency().count()).isEqualTo(step.expected());
			assertThat(step.incidents()).isEmpty();
			assertThat(step.cpu().serverSeconds()).as("read from /proc").isNotNull();
			assertThat(step.serverRssKb()).isPositive();
			assertThat(run.extensions()).containsExactly(entry("none", 20L));
			assertThat(run.pingIntervalMillis()).isEqualTo(25_000);
		}

		@Test
		void idleReportsRssGrowthWithoutAGcAndLeavesNodeAlone() throws Exception {
			Options options = Options.parse("idle", "--proto", "socketio", "--url", this.server.url(), "--clients", "30",
					"--hold", "1", "--server-pid", Long.toString(this.server.pid()));

			IdleResult result = new IdleScenario(options, Run.random(), Progress.SILENT).run();

			assertThat(result.join().joined()).isEqualTo(30);
			assertThat(result.stillOpen()).isEqualTo(30);
			assertThat(result.rssGrowthPerConnectionNoGcKb()).isNotNull();
			assertThat(result.heapPerConnectionKb()).as("no jcmd against node").isNull();
			assertThat(this.server.isAlive()).isTrue();
		}

		@Test
		void deflateIsOfferedAndDeclinedAndEverythingStillArrives() throws Exception {
			Run run = Run.random();
			Options options = Options.parse("fanout", "--proto", "socketio", "--deflate", "--url", this.server.url(),
					"--clients", "20", "--senders", "2", "--rate", "8", "--duration", "2", "--warmup", "1");

			FanoutResult result = new FanoutScenario(options, run, Progress.SILENT).run((joining, step) -> {
			});

			StepResult step = result.steps().get(0);
			assertThat(step.received()).isEqualTo(step.expected()).isEqualTo(8 * 2 * 20);
			assertThat(step.duplicates() + step.late()).isZero();
			assertThat(run.extensions()).containsExactly(entry("none", 20L));
		}

	}

	@Nested
	class Tuned extends WithServer {

		Tuned() {
			super(true);
		}

		@Test
		void runsWithTheNativeAddOn() throws Exception {
			assertThat(this.server.health()).contains("\"mode\":\"tuned\"", "\"bufferutil\":true");
		}

		@Test
		void aStormOfFiftyClientsJoinsAndEveryUserListSettlesAtFifty() throws Exception {
			Options options = Options.parse("storm", "--proto", "socketio", "--url", this.server.url(), "--clients", "50");

			StormResult result = new StormScenario(options, Run.random(), Progress.SILENT).run();

			assertThat(result.join().joined()).isEqualTo(50);
			assertThat(result.join().failures()).isEmpty();
			assertThat(result.settled()).isTrue();
			assertThat(result.clientsSeeingWholeRoom()).isEqualTo(50);
			assertThat(result.fewestUsersSeen()).isEqualTo(50);
			assertThat(result.incidents()).isEmpty();
		}

	}

}
