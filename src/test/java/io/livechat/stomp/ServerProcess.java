package io.livechat.stomp;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The packaged application as its own process, started with the Procfile's JVM options (as
 * users run it), for tests that stop it, kill it or watch it over time.
 */
public final class ServerProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	/** The scrape token the server is started with; {@link #get} sends it. */
	static final String METRICS_TOKEN = "test-scrape-token";

	private final Process process;

	private final int port;

	private final Path log;

	private ServerProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	public static ServerProcess start(String... arguments) throws IOException {
		return start(Files.createTempDirectory("livechat-data-"), arguments);
	}

	/** Starts the server with its embedded database in {@code dataDir}. */
	public static ServerProcess start(Path dataDir, String... arguments) throws IOException {
		ServerProcess server = launch(dataDir, arguments);
		try {
			server.awaitHealthy();
		}
		catch (ConditionTimeoutException ex) {
			server.process.destroyForcibly();
			throw new IllegalStateException("The server was not healthy within " + START_TIMEOUT.toSeconds() + " s:\n"
					+ server.log(), ex);
		}
		return server;
	}

	/**
	 * Starts the process and returns at once, without waiting for it to become healthy: for a
	 * start that is meant to fail.
	 */
	public static ServerProcess launch(String... arguments) throws IOException {
		return launch(Files.createTempDirectory("livechat-data-"), arguments);
	}

	private static ServerProcess launch(Path dataDir, String... arguments) throws IOException {
		String jar = System.getProperty("livechat.jar", "target/livechat.jar");
		if (!new File(jar).isFile()) {
			throw new IllegalStateException(jar + " is missing: these tests run after `package` (./mvnw verify)");
		}
		int port = freePort();
		Path log = Files.createTempFile("livechat-server-", ".log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(procfileJvmOptions());
		command.addAll(List.of("-jar", jar, "--server.port=" + port, "--livechat.data-dir=" + dataDir,
				"--livechat.metrics.token=" + METRICS_TOKEN));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new ServerProcess(process, port, log);
	}

	private void awaitHealthy() {
		Awaitility.await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The server exited at start:\n" + log());
			}
			return isHealthy();
		});
	}

	public int port() {
		return this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	boolean isHealthy() {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient().send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
						.timeout(Duration.ofSeconds(2))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	public String get(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Authorization", "Bearer " + METRICS_TOKEN)
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	/** SIGKILL: the process dies at once, mid-write if it was writing. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor();
	}

	/** SIGTERM, as a platform does before it replaces an instance. */
	public void terminate() {
		this.process.destroy();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** Waits for the process to end; its exit code, or null if it is still running. */
	public Integer awaitExit(Duration timeout) throws InterruptedException {
		return this.process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
				? this.process.exitValue() : null;
	}

	public String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			return "(no log: " + ex + ")";
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroyForcibly().waitFor();
		}
	}

	/** The options between {@code java} and {@code -jar} on the Procfile's web line. */
	static List<String> procfileJvmOptions() throws IOException {
		String web = Files.readAllLines(Path.of("Procfile")).stream()
			.filter((line) -> line.startsWith("web:"))
			.findFirst()
			.orElseThrow();
		List<String> words = List.of(web.substring(4).trim().split("\\s+"));
		return words.subList(1, words.indexOf("-jar"));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
