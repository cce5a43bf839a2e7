package io.livechat.stomp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated broken inputs, each on its own socket: every one is answered with a
 * STOMP ERROR frame or a close, the server logs no stack trace for any of them, and a
 * well-behaved client is served throughout. Seeded: {@code -Dfuzz.seed=N} replays a run,
 * {@code -Dfuzz.cases=N} sets its size.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "livechat.heartbeat=1s", "livechat.limits.connect-timeout=1s",
		"livechat.limits.idle-timeout=3s" })
class MalformedFramesFuzzTest extends EndToEndTest {

	private static final long SEED = Long.getLong("fuzz.seed", 20261129L);

	private static final int CASES = Integer.getInteger("fuzz.cases", 3000);

	private static final Duration ANSWER_WITHIN = Duration.ofSeconds(6);

	@Autowired
	ConnectionGuard guard;

	@Test
	void everyBrokenInputIsRefusedQuietlyAndOthersStayServed(CapturedOutput output) throws Exception {
		ChatClient bystander = client();
		bystander.join("Bystander", "general");
		Random random = new Random(SEED);
		List<FuzzCase> cases = new ArrayList<>();
		for (int i = 0; i < CASES; i++) {
			cases.add(FuzzCase.generate(i, random));
		}

		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<Future<String>> outcomes = new ArrayList<>();
		try {
			for (FuzzCase fuzzCase : cases) {
				outcomes.add(pool.submit(() -> fuzzCase.run(this.port)));
			}
			List<String> failures = new ArrayList<>();
			for (int i = 0; i < outcomes.size(); i++) {
				String failure = outcomes.get(i).get(60, TimeUnit.SECONDS);
				if (failure != null) {
					failures.add("case " + i + " (" + cases.get(i).kind + ", seed " + SEED + "): " + failure);
				}
				if (i % 500 == 0) {
					assertRoundTripWithin(bystander, "probe " + i, Duration.ofSeconds(2));
				}
			}
			assertThat(failures).as("cases that were not refused").isEmpty();
		}
		finally {
			pool.shutdownNow();
		}

		assertRoundTripWithin(bystander, "still here", Duration.ofSeconds(2));
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.guard.openConnections() == 1);
		assertThat(output.getAll()).as("a stack trace in the log").doesNotContainPattern("\\n\\s+at [a-z]+\\.");
		assertThat(output.getAll()).as("an ERROR line in the log").doesNotContainPattern(" ERROR \\d+ ---");
	}

	private static void assertRoundTripWithin(ChatClient client, String text, Duration bound) {
		long start = System.nanoTime();
		client.say("general", text);
		client.take((r) -> r.type().equals("message") && r.body().path("text").asString().equals(text));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(bound);
	}

	enum Kind {

		RANDOM_COMMAND_LINE, RANDOM_BYTES_AFTER_CONNECT, UNKNOWN_COMMAND, UNSUPPORTED_COMMAND, MANY_HEADERS,
		HUGE_HEADER, INVALID_UTF8, SHORT_CONTENT_LENGTH, HUGE_CONTENT_LENGTH, ODD_SUBSCRIPTION, SEND_BEFORE_CONNECT,
		DUPLICATE_SUBSCRIPTION, SPOOFED_SEND, BAD_HEART_BEAT, BINARY_GARBAGE, TRUNCATED_FRAME

	}

	record FuzzCase(Kind kind, boolean connectFirst, List<byte[]> frames, boolean binary) {

		private static final String CONNECT = "CONNECT\naccept-version:1.2\nhost:x\nheart-beat:0,0\n\n\0";

		static FuzzCase generate(int index, Random random) {
			// a truncated frame is refused only when the idle limit runs out: make it rarer
			Kind kind = (index % 64 == 63) ? Kind.TRUNCATED_FRAME
					: Kind.values()[index % (Kind.values().length - 1)];
			return switch (kind) {
				case RANDOM_COMMAND_LINE -> text(kind, false, junk(random, 1 + random.nextInt(200)) + "\n\n\0");
				case RANDOM_BYTES_AFTER_CONNECT -> text(kind, true, junk(random, 1 + random.nextInt(2000)) + "\n\n\0");
				case UNKNOWN_COMMAND -> text(kind, true,
						List.of("FOO", "send", "CONNECTX", "SUBSCRIBEE", "GET / HTTP/1.1").get(random.nextInt(5))
								+ "\ndestination:/app/send\n\n\0");
				case UNSUPPORTED_COMMAND -> text(kind, true,
						List.of("ACK\nid:1", "NACK\nid:1", "BEGIN\ntransaction:t", "COMMIT\ntransaction:t",
								"ABORT\ntransaction:t", "MESSAGE\ndestination:/topic/general", "ERROR\nmessage:x")
							.get(random.nextInt(7)) + "\n\n\0");
				case MANY_HEADERS -> text(kind, true, "SEND\ndestination:/app/send\n"
						+ "h:v\n".repeat(InboundDestinationGuard.MAX_HEADERS + 1 + random.nextInt(5000)) + "\n{}\0");
				case HUGE_HEADER -> text(kind, true,
						"SEND\ndestination:/app/send\nx:" + "a".repeat(65 * 1024 + random.nextInt(100_000)) + "\n\n{}\0");
				case INVALID_UTF8 -> new FuzzCase(kind, random.nextBoolean(),
						List.of(new byte[] { 'S', 'E', 'N', 'D', '\n', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n', '\n', 0 }),
						false);
				case SHORT_CONTENT_LENGTH -> text(kind, true, "SEND\ndestination:/app/send\ncontent-length:"
						+ random.nextInt(5) + "\n\n{\"room\":\"general\",\"text\":\"hi\"}\0");
				case HUGE_CONTENT_LENGTH -> text(kind, true,
						"SEND\ndestination:/app/send\ncontent-length:" + (70_000 + random.nextInt(1 << 30)) + "\n\n{}\0");
				case ODD_SUBSCRIPTION -> text(kind, true, "SUBSCRIBE\nid:0\ndestination:" + List
					.of("/topic/**", "/topic/*", "#", ">", "/queue/x", "/topic/general/..", "/app/join", "",
							"/user/other/queue/events", "/topic/" + junk(random, 8))
					.get(random.nextInt(10)) + "\n\n\0");
				case SEND_BEFORE_CONNECT -> text(kind, false,
						"SEND\ndestination:/app/send\n\n{\"room\":\"general\",\"text\":\"early\"}\0");
				case DUPLICATE_SUBSCRIPTION -> text(kind, true, "SUBSCRIBE\nid:d\ndestination:/topic/rooms\n\n\0",
						"SUBSCRIBE\nid:d\ndestination:/topic/tech\n\n\0");
				case SPOOFED_SEND -> text(kind, true, "SEND\ndestination:"
						+ List.of("/topic/general", "/user/queue/events", "/topic/rooms").get(random.nextInt(3))
						+ "\n\n{\"type\":\"message\",\"text\":\"forged\"}\0");
				case BAD_HEART_BEAT -> text(kind, false, "CONNECT\naccept-version:1.2\nheart-beat:"
						+ List.of("abc", "-5,10", "1", "99999999999999999999,0").get(random.nextInt(4)) + "\n\n\0");
				case BINARY_GARBAGE -> {
					byte[] bytes = new byte[1 + random.nextInt(3000)];
					random.nextBytes(bytes);
					bytes[0] = '#';
					yield new FuzzCase(kind, true, List.of(bytes, "\n\n\0".getBytes(StandardCharsets.UTF_8)), true);
				}
				case TRUNCATED_FRAME -> text(kind, true,
						"SEND\ndestination:/app/send\n\n{\"room\":\"general\",\"text\":\"" + junk(random, random.nextInt(50)));
			};
		}

		private static FuzzCase text(Kind kind, boolean connectFirst, String... frames) {
			List<byte[]> bytes = new ArrayList<>();
			for (String frame : frames) {
				bytes.add(frame.getBytes(StandardCharsets.UTF_8));
			}
			return new FuzzCase(kind, connectFirst, bytes, false);
		}

		/** Printable junk that contains no NUL and no newline. */
		private static String junk(Random random, int length) {
			StringBuilder junk = new StringBuilder(length);
			for (int i = 0; i < length; i++) {
				junk.append((char) (0x20 + random.nextInt(0x7E - 0x20)));
			}
			return junk.toString();
		}

		/** Runs the case; returns null when the server refused it, otherwise what happened. */
		String run(int port) {
			try (RawWebSocket ws = RawWebSocket.open(port, "/ws")) {
				if (this.connectFirst) {
					ws.sendText(CONNECT.getBytes(StandardCharsets.UTF_8));
					String connected = ws.readFrame();
					if (!connected.startsWith("CONNECTED")) {
						return "no CONNECTED: " + connected;
					}
				}
				try {
					for (byte[] frame : this.frames) {
						if (this.binary) {
							ws.sendBinary(frame);
						}
						else {
							ws.sendText(frame);
						}
					}
				}
				catch (java.net.SocketException closedWhileSending) {
					// the server refused a frame too large to finish sending by closing the connection
					return null;
				}
				ws.awaitRefusal(ANSWER_WITHIN);
				return null;
			}
			catch (IOException ex) {
				return ex.toString();
			}
		}

	}

}
