package io.livechat.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoadToolCommandLineTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void helpListsTheScenariosAndSucceeds() throws Exception {
		assertThat(run("help")).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("fanout", "idle", "storm", "--rates", "--reads");
	}

	@Test
	void refusesABadOptionWithTheUsage() throws Exception {
		assertThat(run("fanout", "--clients", "none")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("--clients", "usage: LoadTool");
	}

	@Test
	void refusesReadsForSocketioBeforeConnecting() throws Exception {
		assertThat(run("fanout", "--proto", "socketio", "--reads")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.contains("error: --reads is for stomp: the Socket.io reference chat has no read positions", "usage: LoadTool");
	}

	@Test
	void saysSoAndFailsWhenTheServerIsUnreachable() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}

		assertThat(run("storm", "--url", "ws://127.0.0.1:" + closedPort + "/ws", "--clients", "3")).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("The server at ws://127.0.0.1:" + closedPort + "/ws is unreachable");
	}

	private int run(String... args) throws InterruptedException {
		return LoadTool.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

}
