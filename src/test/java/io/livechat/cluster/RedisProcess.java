package io.livechat.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;

/**
 * A redis-server of the test's own, as its own process on a free port of 127.0.0.1, without
 * persistence: the tests never touch the machine's Redis on 6379, and can take theirs away and
 * bring it back (empty, as a restarted cache comes back) or pause it.
 */
final class RedisProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

	private final int port;

	private final Path dir;

	private final Path log;

	private Process process;

	private RedisProcess(int port, Path dir) {
		this.port = port;
		this.dir = dir;
		this.log = dir.resolve("redis.log");
	}

	/** Starts redis-server (it must be on the PATH) on a free port and waits until it answers PING. */
	static RedisProcess start() throws IOException {
		RedisProcess redis = new RedisProcess(freePort(), Files.createTempDirectory("livechat-redis-"));
		redis.startAgain();
		return redis;
	}

	String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	/** SIGKILL: every connection drops at once, and the data goes with the process. */
	void stop() throws InterruptedException {
		if (this.process != null) {
			this.process.destroyForcibly().waitFor();
			this.process = null;
		}
	}

	/** A new, empty redis-server on the same port. */
	void startAgain() throws IOException {
		if (this.process != null) {
			throw new IllegalStateException("Redis is already running on port " + this.port);
		}
		ProcessBuilder command = new ProcessBuilder("redis-server", "--port", String.valueOf(this.port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no", "--dir", this.dir.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		try {
			this.process = command.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run redis-server: the cluster tests (*ClusterIT, profile cluster) "
					+ "start their own Redis and need redis-server on the PATH (apt-get install redis-server; "
					+ ".ci/run installs it)", ex);
		}
		Awaitility.await("redis-server on port " + this.port + " answering PING")
			.atMost(START_TIMEOUT)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("redis-server exited at start:\n" + log());
				}
				return answersPing();
			});
	}

	/**
	 * {@code CLIENT PAUSE <duration> ALL}: for {@code duration} Redis holds every client's
	 * commands, publishes and presence writes included, so the nodes' commands time out.
	 */
	void pauseAllClients(Duration duration) throws IOException {
		String reply = command("CLIENT", "PAUSE", String.valueOf(duration.toMillis()), "ALL");
		if (!reply.equals("+OK")) {
			throw new IllegalStateException("CLIENT PAUSE answered " + reply);
		}
	}

	/** Sends one command in RESP and returns the first line of the reply (such as {@code +OK}). */
	String command(String... words) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(2_000);
			StringBuilder request = new StringBuilder("*").append(words.length).append("\r\n");
			for (String word : words) {
				request.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
				request.append(word).append("\r\n");
			}
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.UTF_8));
			out.flush();
			String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
				.readLine();
			if (reply == null) {
				throw new IOException("Redis closed the connection without a reply to " + String.join(" ", words));
			}
			return reply;
		}
	}

	String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			return "(no log: " + ex + ")";
		}
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

	private boolean answersPing() {
		try {
			return command("PING").equals("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
