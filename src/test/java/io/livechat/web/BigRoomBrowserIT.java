package io.livechat.web;

import java.util.List;
import java.util.stream.Stream;

import io.livechat.chat.RoomRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A room past the announce limit (two people here) in real headless Chromium: arrivals and
 * departures show as one line per user list, not a line each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "livechat.announce-limit=2")
class BigRoomBrowserIT {

	private static final List<String> CROWD = List.of("Carol", "Dave", "Erin", "Frank");

	@LocalServerPort
	int port;

	@Autowired
	RoomRegistry rooms;

	private Browser alice;

	@AfterEach
	void close() {
		if (this.alice != null) {
			this.alice.close();
		}
		Stream.concat(Stream.of("Bob"), CROWD.stream()).forEach((name) -> this.rooms.disconnect(connection(name)));
	}

	@Test
	void pastTheAnnounceLimitArrivalsAndDeparturesShowAsOneLinePerList() {
		this.alice = new Browser(this.port, 1280, 800).joinChat("Alice", "general");
		join("Bob"); // the second person: announced alone
		this.alice.waitUntil((d) -> this.alice.texts(".system-text").contains("Bob joined #general"));

		CROWD.forEach(this::join);

		this.alice.waitUntil((d) -> this.alice.texts(".user-name").size() == 6);
		this.alice.waitUntil((d) -> namedIn(joinLines(), CROWD));
		assertThat(this.alice.texts(".system-text")).noneMatch((line) -> line.endsWith("joined #general")
				&& !line.equals("Bob joined #general"));

		CROWD.forEach((name) -> this.rooms.disconnect(connection(name)));

		this.alice.waitUntil((d) -> this.alice.texts(".user-name").size() == 2);
		this.alice.waitUntil((d) -> namedIn(this.alice.texts(".system-text")
			.stream()
			.filter((line) -> line.endsWith(" left"))
			.toList(), CROWD));
		assertThat(this.alice.texts(".system-text")).noneMatch((line) -> line.endsWith("left #general"));
	}

	private List<String> joinLines() {
		return this.alice.texts(".system-text").stream().filter((line) -> line.endsWith(" joined")).toList();
	}

	/** Every name is in one of the lines, as "A, B and C joined" or "A and 2 others joined" says it. */
	private static boolean namedIn(List<String> lines, List<String> names) {
		int others = lines.stream()
			.map((line) -> line.replaceAll(".* and (\\d+) others? (joined|left)$", "$1"))
			.filter((count) -> count.matches("\\d+"))
			.mapToInt(Integer::parseInt)
			.sum();
		long named = names.stream().filter((name) -> lines.stream().anyMatch((line) -> line.contains(name))).count();
		return named + others == names.size();
	}

	/** Someone in the room without a page: a connection of the registry's own. */
	private void join(String name) {
		this.rooms.connect(connection(name));
		this.rooms.join(connection(name), name, "client-" + name.toLowerCase() + "-0001", "general", null);
	}

	private static String connection(String name) {
		return "test-" + name;
	}

}
