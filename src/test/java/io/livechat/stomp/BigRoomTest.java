package io.livechat.stomp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A room of more than 50 people (the default announce limit): nobody's arrival or departure is
 * a {@code system} event of its own; the coalesced user lists say who came and who went.
 */
class BigRoomTest extends EndToEndTest {

	private static final int CROWD = 59;

	@Test
	void pastFiftyPeopleNobodyIsAnnouncedAloneAndTheListsSayWhoCameAndWent() throws Exception {
		ChatClient first = client();
		first.join("Person 00", "general");
		List<ChatClient> crowd = new ArrayList<>();
		for (int i = 1; i <= CROWD; i++) {
			ChatClient client = client();
			client.join(name(i), "general"); // one after the other: the room has i + 1 people after each
			crowd.add(client);
		}

		awaitList(first, CROWD + 1);
		assertThat(systemEvents(first, "joined")).containsExactlyElementsOf(names(0, 49)); // rooms of up to 50
		assertThat(deltas(first, "joined")).containsAll(names(1, CROWD));

		for (int i = CROWD; i >= 48; i--) { // twelve leave: from 60 people down to 48
			crowd.get(i - 1).close();
			int left = i;
			Awaitility.await().atMost(ChatClient.TIMEOUT).until(() -> deltas(first, "left").contains(name(left)));
		}

		awaitList(first, 48);
		assertThat(systemEvents(first, "left")).containsExactly(name(49), name(48)); // they left rooms of 50 and 49
		assertThat(deltas(first, "left")).containsAll(names(48, CROWD));
	}

	private static void awaitList(ChatClient client, int size) {
		Awaitility.await().atMost(ChatClient.TIMEOUT).until(() -> {
			List<ChatClient.Received> lists = lists(client);
			return !lists.isEmpty() && lists.get(lists.size() - 1).body().path("users").size() == size;
		});
	}

	private static List<ChatClient.Received> lists(ChatClient client) {
		return client.all((r) -> r.destination().equals("/topic/general") && r.type().equals("users"));
	}

	private static List<String> systemEvents(ChatClient client, String event) {
		return client
			.all((r) -> r.destination().equals("/topic/general") && r.type().equals("system")
					&& r.body().path("event").asString().equals(event))
			.stream()
			.map((r) -> r.body().path("username").asString())
			.toList();
	}

	/** Everyone the room's lists named as having joined (or left) since the list before. */
	private static Set<String> deltas(ChatClient client, String field) {
		Set<String> names = new HashSet<>();
		for (ChatClient.Received list : lists(client)) {
			for (JsonNode name : list.body().path(field)) {
				names.add(name.asString());
			}
		}
		return names;
	}

	private static List<String> names(int from, int to) {
		return IntStream.rangeClosed(from, to).mapToObj(BigRoomTest::name).toList();
	}

	private static String name(int i) {
		return "Person %02d".formatted(i);
	}

}
