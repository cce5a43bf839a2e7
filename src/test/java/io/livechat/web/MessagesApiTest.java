package io.livechat.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.LongStream;

import io.livechat.chat.MessageStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/rooms/{room}/messages?before=&limit=}: pages back through a room's history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "livechat.rooms[0].id=archive", "livechat.rooms[0].name=Archive",
				"livechat.rooms[1].id=empty", "livechat.rooms[1].name=Empty" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessagesApiTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MessageStore store;

	@BeforeAll
	void fillTheArchive() {
		long now = System.currentTimeMillis(); // within the retention: the pruner, running meanwhile, keeps them
		for (int i = 1; i <= 230; i++) {
			this.store.append("archive", "Alex", "m" + i, now - 230 + i);
		}
	}

	@Test
	void theFirstPageIsTheNewestFiftyOldestFirst() throws Exception {
		JsonNode page = get("/api/rooms/archive/messages");

		assertThat(ids(page)).containsExactlyElementsOf(LongStream.rangeClosed(181, 230).boxed().toList());
		assertThat(page.path("hasMore").asBoolean()).isTrue();
		assertThat(page.path("room").asString()).isEqualTo("archive");
		JsonNode first = page.path("messages").get(0);
		assertThat(first.path("type").asString()).isEqualTo("message");
		assertThat(first.path("username").asString()).isEqualTo("Alex");
		assertThat(first.path("text").asString()).isEqualTo("m181");
	}

	@Test
	void pagesBackWithBeforeUntilTheBeginning() throws Exception {
		JsonNode page = get("/api/rooms/archive/messages?before=181&limit=100");
		assertThat(ids(page)).containsExactlyElementsOf(LongStream.rangeClosed(81, 180).boxed().toList());
		assertThat(page.path("hasMore").asBoolean()).isTrue();

		JsonNode last = get("/api/rooms/archive/messages?before=81&limit=100");
		assertThat(ids(last)).containsExactlyElementsOf(LongStream.rangeClosed(1, 80).boxed().toList());
		assertThat(last.path("hasMore").asBoolean()).isFalse();

		JsonNode beyond = get("/api/rooms/archive/messages?before=1");
		assertThat(ids(beyond)).isEmpty();
		assertThat(beyond.path("hasMore").asBoolean()).isFalse();
	}

	@Test
	void aBeforeBeyondTheNewestReturnsTheNewest() throws Exception {
		assertThat(ids(get("/api/rooms/archive/messages?before=99999&limit=3"))).containsExactly(228L, 229L, 230L);
	}

	@Test
	void anEmptyRoomHasAnEmptyLastPage() throws Exception {
		JsonNode page = get("/api/rooms/empty/messages");

		assertThat(ids(page)).isEmpty();
		assertThat(page.path("hasMore").asBoolean()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "limit=0", "limit=101", "limit=-5", "limit=ten", "limit=", "before=0", "before=-1",
			"before=abc", "before=1.5", "limit=99999999999999999999" })
	void refusesBadParametersWithAClear400(String query) throws Exception {
		HttpResponse<String> response = request("/api/rooms/archive/messages?" + query);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json.readTree(response.body()).path("error").asString()).matches("'(limit|before)' must be .*");
	}

	@Test
	void anUnknownRoomIs404() throws Exception {
		HttpResponse<String> response = request("/api/rooms/nowhere/messages");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("There is no room 'nowhere'.");
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> response = request(path);
		assertThat(response.statusCode()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private HttpResponse<String> request(String path) throws Exception {
		return HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static List<Long> ids(JsonNode page) {
		return page.path("messages").valueStream().map((m) -> m.path("id").asLong()).toList();
	}

}
