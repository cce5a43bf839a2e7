package io.livechat.stomp;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On SIGTERM the server closes every STOMP session with 1001 (going away), so clients
 * reconnect, and exits within its grace period.
 */
class GracefulShutdownIT {

	@Test
	void sigtermClosesSessionsWithGoingAwayAndExitsWithinTheGracePeriod() throws Exception {
		try (ServerProcess server = ServerProcess.start("--spring.lifecycle.timeout-per-shutdown-phase=5s");
				RawWebSocket client = RawWebSocket.connectStomp(server.port())) {
			client.sendFrame("SUBSCRIBE\nid:0\ndestination:/user/queue/events\n\n");
			client.sendFrame("SEND\ndestination:/app/join\n\n{\"username\":\"Alex\",\"room\":\"general\",\"clientId\":\"shutdown-client\"}");
			assertThat(client.readFrame()).contains("\"type\":\"joined\"");

			long start = System.nanoTime();
			server.terminate();

			assertThat(client.awaitClose(Duration.ofSeconds(20))).isEqualTo(1001);
			Integer exitCode = server.awaitExit(Duration.ofSeconds(20));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(exitCode).as("exit code; log:%n%s", server.log()).isIn(0, 143);
			assertThat(took).isLessThan(Duration.ofSeconds(15));
			assertThat(server.log()).doesNotContain(" ERROR ");
		}
	}

}
