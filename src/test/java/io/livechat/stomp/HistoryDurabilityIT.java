package io.livechat.stomp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History in the default run (the embedded database in a data directory) survives a restart
 * and a kill -9 of the packaged server, and so does what the server knows of client message ids.
 */
class HistoryDurabilityIT {

	private static final JsonMapper json = JsonMapper.builder().build();

	/** Sent with a client message id: stored once, whenever it is sent again. */
	private static final String LAST_BEFORE_RESTART = "SEND\ndestination:/app/send\n\n"
			+ "{\"room\":\"general\",\"text\":\"before restart 5\",\"clientMsgId\":\"alex-before-restart-5\"}";

	@Test
	void messagesSurviveARestartAndIdsContinue() throws Exception {
		Path data = Files.createTempDirectory("livechat-data-");
		List<Long> ids = new ArrayList<>();
		try (ServerProcess server = ServerProcess.start(data); RawWebSocket alex = joined(server, "Alex")) {
			for (int i = 1; i <= 4; i++) {
				alex.sendFrame("SEND\ndestination:/app/send\n\n{\"room\":\"general\",\"text\":\"before restart " + i + "\"}");
				ids.add(nextMessage(alex).path("id").asLong());
			}
			alex.sendFrame(LAST_BEFORE_RESTART);
			ids.add(nextMessage(alex).path("id").asLong());
			server.terminate();
			assertThat(server.awaitExit(Duration.ofSeconds(30))).isNotNull();
		}

		try (ServerProcess again = ServerProcess.start(data); RawWebSocket sam = track(again, "Sam")) {
			JsonNode joined = joinedReply(sam);
			assertThat(joined.path("history").valueStream().map((m) -> m.path("text").asString()).toList())
				.containsExactly("before restart 1", "before restart 2", "before restart 3", "before restart 4",
						"before restart 5");
			assertThat(joined.path("history").valueStream().map((m) -> m.path("id").asLong()).toList())
				.containsExactlyElementsOf(ids);

			try (RawWebSocket alex = joined(again, "Alex")) {
				alex.sendFrame(LAST_BEFORE_RESTART); // its ack was lost, say: the page sends it again
				assertThat(nextOfType(alex, "ack").path("id").asLong()).as("the id it was stored under").isEqualTo(ids.get(4));
			}

			sam.sendFrame("SEND\ndestination:/app/send\n\n{\"room\":\"general\",\"text\":\"after restart\"}");
			assertThat(nextMessage(sam).path("id").asLong()).as("nothing stored by the resend").isEqualTo(ids.get(4) + 1);
		}
	}

	@Test
	void everyMessageAnyoneReceivedSurvivesAKillNine() throws Exception {
		Path data = Files.createTempDirectory("livechat-data-");
		List<String> seenByReader = new CopyOnWriteArrayList<>();
		try (ServerProcess server = ServerProcess.start(data); RawWebSocket writer = joined(server, "Writer");
				RawWebSocket reader = joined(server, "Reader")) {
			Thread reading = new Thread(() -> {
				try {
					reader.readForever((frame) -> {
						if (frame.contains("\"type\":\"message\"")) {
							seenByReader.add(json.readTree(frame.substring(frame.indexOf("\n\n") + 2, frame.length() - 1))
								.path("text")
								.asString());
						}
					});
				}
				catch (Exception ex) {
					// the server was killed
				}
			});
			reading.setDaemon(true);
			reading.start();
			for (int i = 1; i <= 15; i++) { // within the burst allowance of 20
				writer.sendFrame("SEND\ndestination:/app/send\n\n{\"room\":\"general\",\"text\":\"crash " + i + "\"}");
				TimeUnit.MILLISECONDS.sleep(20);
			}
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> seenByReader.size() >= 5);

			server.kill(); // while the writer's messages may still be in flight
		}
		assertThat(seenByReader).isNotEmpty();

		try (ServerProcess again = ServerProcess.start(data); RawWebSocket after = track(again, "After")) {
			List<String> history = joinedReply(after).path("history").valueStream()
				.map((m) -> m.path("text").asString())
				.toList();
			assertThat(history).containsAll(seenByReader);
			assertThat(again.log()).doesNotContain(" ERROR ");
		}
	}

	/** Connects, subscribes to its events and the room, joins, and reads the joined reply. */
	private static RawWebSocket joined(ServerProcess server, String name) throws Exception {
		RawWebSocket ws = track(server, name);
		joinedReply(ws);
		return ws;
	}

	private static RawWebSocket track(ServerProcess server, String name) throws Exception {
		RawWebSocket ws = RawWebSocket.connectStomp(server.port());
		ws.sendFrame("SUBSCRIBE\nid:0\ndestination:/user/queue/events\n\n");
		ws.sendFrame("SUBSCRIBE\nid:1\ndestination:/topic/general\n\n");
		ws.sendFrame("SEND\ndestination:/app/join\n\n{\"username\":\"" + name + "\",\"room\":\"general\",\"clientId\":\""
				+ name.toLowerCase() + "-client\"}");
		return ws;
	}

	private static JsonNode joinedReply(RawWebSocket ws) throws Exception {
		return nextOfType(ws, "joined");
	}

	private static JsonNode nextMessage(RawWebSocket ws) throws Exception {
		return nextOfType(ws, "message");
	}

	private static JsonNode nextOfType(RawWebSocket ws, String type) throws Exception {
		while (true) {
			String frame = ws.readFrame();
			if (frame.startsWith("MESSAGE\n")) {
				JsonNode body = json.readTree(frame.substring(frame.indexOf("\n\n") + 2, frame.length() - 1));
				if (body.path("type").asString().equals(type)) {
					return body;
				}
			}
		}
	}

}
