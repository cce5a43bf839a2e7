package io.livechat.stomp;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data directory from before texts had to be valid Unicode, whose history in #tech holds a
 * message with an unpaired surrogate (which could not be encoded for anyone, so every join of
 * #tech failed and closed the connection): the packaged server repairs it as it starts, and the
 * room works again.
 */
class PoisonedHistoryIT {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aRoomWhoseHistoryHeldAnUnpairedSurrogateIsJoinableAgainWithTheReplacementCharacterInItsPlace()
			throws Exception {
		Path data = Files.createTempDirectory("livechat-data-");
		poisonedDatabase(data);

		try (ServerProcess server = ServerProcess.start(data); RawWebSocket alex = joining(server, "Alex");
				RawWebSocket sam = joining(server, "Sam")) {
			JsonNode alexJoined = nextOfType(alex, "joined");
			JsonNode samJoined = nextOfType(sam, "joined");

			for (JsonNode joined : new JsonNode[] { alexJoined, samJoined }) {
				assertThat(joined.path("history").valueStream().map((m) -> m.path("text").asString()).toList())
					.containsExactly("before \uFFFD after", "fine");
				assertThat(joined.path("history").get(0).path("username").asString()).isEqualTo("Mallory\uFFFD");
			}

			alex.sendFrame("SEND\ndestination:/app/send\n\n{\"room\":\"tech\",\"text\":\"the room works again\"}");
			for (RawWebSocket client : new RawWebSocket[] { alex, sam }) { // neither was closed
				JsonNode message = nextOfType(client, "message");
				assertThat(message.path("text").asString()).isEqualTo("the room works again");
				assertThat(message.path("id").asLong()).isEqualTo(3);
			}
			assertThat(server.log()).contains("Migrating schema \"PUBLIC\" to version \"3 - Repair unencodable text\"")
				.contains("Replaced unpaired surrogates with U+FFFD in 1 stored message(s)")
				.doesNotContain(" ERROR ");
		}
	}

	/** The embedded database at version 2, as an earlier server left it, with a poisoned message. */
	private static void poisonedDatabase(Path data) {
		DataSource dataSource = new DriverManagerDataSource("jdbc:h2:file:" + data.resolve("livechat"), "sa", "");
		Flyway.configure().dataSource(dataSource).target("2").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		String insert = "INSERT INTO messages (room, id, username, text, created_at) VALUES (?, ?, ?, ?, ?)";
		jdbc.sql(insert).params("tech", 1, "Mallory\uDBFF", "before \uD800 after", System.currentTimeMillis()).update();
		jdbc.sql(insert).params("tech", 2, "Alex", "fine", System.currentTimeMillis()).update();
	}

	/** Connects, subscribes to its events and #tech, and asks to join. */
	private static RawWebSocket joining(ServerProcess server, String name) throws Exception {
		RawWebSocket ws = RawWebSocket.connectStomp(server.port());
		ws.sendFrame("SUBSCRIBE\nid:0\ndestination:/user/queue/events\n\n");
		ws.sendFrame("SUBSCRIBE\nid:1\ndestination:/topic/tech\n\n");
		ws.sendFrame("SEND\ndestination:/app/join\n\n{\"username\":\"" + name + "\",\"room\":\"tech\",\"clientId\":\""
				+ name.toLowerCase() + "-client\"}");
		return ws;
	}

	/** The next event of this type; a closed connection fails the read. */
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
