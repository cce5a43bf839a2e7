package io.livechat.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Socket.io reference chat of src/bench/socketio, started with {@code node} on a free
 * loopback port for one test class and stopped by its process. It needs {@code npm ci} in that
 * folder: without node_modules the tests that use it fail with the command that installs it.
 */
final class SocketIoReferenceServer implements AutoCloseable {

	static final Path FOLDER = Path.of(System.getProperty("basedir", "."), "src", "bench", "socketio");

	private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

	private final Process process;

	private final int port;

	private final Path log;

	private SocketIoReferenceServer(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** Fails the tests it is on, before they start, where the server is not installed. */
	static final class Installed implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (!Files.isDirectory(FOLDER.resolve("node_modules").resolve("socket.io"))) {
				throw new AssertionError(FOLDER.resolve("node_modules")
						+ " is missing: run `cd src/bench/socketio && npm ci` (node and npm on the PATH)");
			}
			return ConditionEvaluationResult.enabled("src/bench/socketio is installed");
		}

	}

	/** Starts the server, plain or tuned, and waits until {@code /health} answers. */
	static SocketIoReferenceServer start(boolean tuned) throws IOException, InterruptedException {
		int port = freePort();
		Path log = Files.createTempFile("socketio-reference", ".log");
		ProcessBuilder builder = new ProcessBuilder("node", "server.js").directory(FOLDER.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("PORT", Integer.toString(port));
		builder.environment().put("TUNED", tuned ? "1" : "0");
		SocketIoReferenceServer server = new SocketIoReferenceServer(builder.start(), port, log);
		try {
			server.awaitHealth();
		}
		catch (IOException | InterruptedException | RuntimeException | AssertionError ex) {
			server.close();
			throw ex;
		}
		return server;
	}

	String url() {
		return "ws://127.0.0.1:" + this.port;
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/** The body of {@code GET /health}. */
	String health() throws IOException, InterruptedException {
		// HTTP/1.1: the JDK's offer of an upgrade to h2c would reach Engine.IO, which drops upgrades it does not serve
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/health"))
			.timeout(Duration.ofSeconds(2))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		try {
			Files.deleteIfExists(this.log);
		}
		catch (IOException ex) {
			// a temporary file left behind
		}
	}

	private void awaitHealth() throws IOException, InterruptedException {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline && this.process.isAlive()) {
			try {
				if (health().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		throw new AssertionError("The Socket.io reference chat did not answer /health within " + START_TIMEOUT.toSeconds()
				+ " s; its output: " + Files.readString(this.log));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
