package io.livechat.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.livechat.stomp.ServerProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What one node's HTTP API answers: the room list, the stored messages, its health. */
final class NodeApi {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** Pages of {@code GET /api/rooms/{room}/messages} read at most; more means it never ends. */
	private static final int MAX_PAGES = 100;

	private NodeApi() {
	}

	/** {@code GET /api/rooms}: the rooms with their user counts. */
	static JsonNode rooms(ServerProcess node) throws IOException, InterruptedException {
		return getJson(node, "/api/rooms");
	}

	/** The user count of one room in {@code GET /api/rooms}. */
	static int usersIn(ServerProcess node, String room) throws IOException, InterruptedException {
		return Seen.usersIn(rooms(node), room);
	}

	/**
	 * Every stored message of the room, oldest first, paged back through
	 * {@code GET /api/rooms/{room}/messages?limit=100&before=...} as a client does.
	 */
	static List<JsonNode> storedMessages(ServerProcess node, String room) throws IOException, InterruptedException {
		List<JsonNode> messages = new ArrayList<>();
		String before = "";
		for (int page = 0; page < MAX_PAGES; page++) {
			JsonNode body = getJson(node, "/api/rooms/" + room + "/messages?limit=100" + before);
			List<JsonNode> older = body.path("messages").valueStream().toList();
			messages.addAll(0, older);
			if (!body.path("hasMore").asBoolean() || older.isEmpty()) {
				return messages;
			}
			before = "&before=" + older.get(0).path("id").asLong();
		}
		throw new IllegalStateException("/api/rooms/" + room + "/messages still hasMore after " + MAX_PAGES + " pages");
	}

	static List<Long> storedIds(ServerProcess node, String room) throws IOException, InterruptedException {
		return storedMessages(node, room).stream().map((message) -> message.path("id").asLong()).toList();
	}

	/** {@code GET /actuator/health}. */
	static Health health(ServerProcess node) throws IOException, InterruptedException {
		HttpResponse<String> response = get(node, "/actuator/health");
		JsonNode body = json.readTree(response.body());
		return new Health(response.statusCode(), body.path("status").asString());
	}

	/**
	 * A node's health: the HTTP status and the status ({@code UP}, {@code DEGRADED}, ...); the
	 * components are not shown.
	 */
	record Health(int httpStatus, String status) {
	}

	private static JsonNode getJson(ServerProcess node, String path) throws IOException, InterruptedException {
		HttpResponse<String> response = get(node, path);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return json.readTree(response.body());
	}

	private static HttpResponse<String> get(ServerProcess node, String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
			.timeout(Duration.ofSeconds(5))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
