package io.livechat.cluster;

import java.util.List;
import java.util.stream.LongStream;

import io.livechat.stomp.ChatClient;
import io.livechat.stomp.ChatClient.Received;
import tools.jackson.databind.JsonNode;

/** What a client has been shown so far, read from the frames it received in arrival order. */
final class Seen {

	private Seen() {
	}

	/** The ids of the chat messages it received on the room's topic, in arrival order. */
	static List<Long> messageIds(ChatClient client, String room) {
		return client.messages(room).stream().map((message) -> message.path("id").asLong()).toList();
	}

	/** The texts of the chat messages it received on the room's topic, in arrival order. */
	static List<String> messageTexts(ChatClient client, String room) {
		return client.messages(room).stream().map((message) -> message.path("text").asString()).toList();
	}

	/**
	 * The room's users as it shows them now: the newest of the {@code users} lists on the room's
	 * topic and the lists in its {@code joined} replies for that room; empty before any.
	 */
	static List<String> latestUsers(ChatClient client, String room) {
		List<Received> lists = client.all((received) -> room.equals(received.body().path("room").asString())
				&& (received.type().equals("users") || received.type().equals("joined")));
		if (lists.isEmpty()) {
			return List.of();
		}
		return names(lists.get(lists.size() - 1).body().path("users"));
	}

	/** The users that {@code system} events of this kind ({@code joined}, {@code left}) named, in order. */
	static List<String> announced(ChatClient client, String room, String event) {
		return client
			.all((received) -> received.destination().equals("/topic/" + room) && received.type().equals("system")
					&& received.body().path("event").asString().equals(event))
			.stream()
			.map((received) -> received.body().path("username").asString())
			.toList();
	}

	/** The rooms of the newest {@code rooms} event on {@code /topic/rooms}, or null before any. */
	static JsonNode latestRoomList(ChatClient client) {
		List<Received> lists = client.all((received) -> received.type().equals("rooms"));
		return lists.isEmpty() ? null : lists.get(lists.size() - 1).body().path("rooms");
	}

	/** The user count of one room in a room list (a {@code rooms} event's or {@code GET /api/rooms}). */
	static int usersIn(JsonNode roomList, String room) {
		return roomList.valueStream()
			.filter((summary) -> summary.path("id").asString().equals(room))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No room " + room + " in " + roomList))
			.path("users")
			.asInt();
	}

	/** The codes of the {@code error} events it got, in order. */
	static List<String> errorCodes(ChatClient client) {
		return client.all((received) -> received.type().equals("error"))
			.stream()
			.map((received) -> received.body().path("code").asString())
			.toList();
	}

	/** {@code first, first + 1, ..., last}: a run of message ids with no gap. */
	static List<Long> idsFrom(long first, long last) {
		return LongStream.rangeClosed(first, last).boxed().toList();
	}

	static List<String> names(JsonNode users) {
		return users.valueStream().map(JsonNode::asString).toList();
	}

}
