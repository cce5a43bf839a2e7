package io.livechat.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChatRoomTest {

	private final ChatRoom room = new ChatRoom(new Room("general", "General"), new SerialHandOff(Runnable::run));

	@Test
	void listsItsMembersSortedWhateverTheCaseAsTheyComeAndGo() {
		Random random = new Random(42);
		Map<String, String> present = new LinkedHashMap<>(); // name key -> name, one connection each
		for (int i = 0; i < 2_000; i++) {
			if (present.isEmpty() || random.nextInt(3) > 0) {
				String name = (random.nextBoolean() ? "user" : "User") + random.nextInt(500);
				Username username = Username.parse(name);
				if (!present.containsKey(username.key())) {
					assertThat(this.room.admit(username, "client-" + username.key(), "id-" + username.key(), "c-" + username.key())).isNotNull();
					present.put(username.key(), name);
				}
			}
			else {
				String key = new ArrayList<>(present.keySet()).get(random.nextInt(present.size()));
				assertThat(this.room.release(key, "c-" + key)).isEqualTo(present.remove(key));
			}
			List<String> expected = new ArrayList<>(present.values());
			expected.sort(String.CASE_INSENSITIVE_ORDER);
			assertThat(this.room.userNames()).as("after step %d", i).containsExactlyElementsOf(expected);
			assertThat(this.room.idsByName()).as("after step %d", i).containsOnlyKeys(expected);
		}
		assertThat(this.room.summary().users()).isEqualTo(present.size());
	}

	@Test
	void aSecondTabIsListedOnceAndTheNameStaysUntilTheLastTabLeaves() {
		this.room.admit(Username.parse("Sam"), "client-sam-22", "id-sam", "c1");
		this.room.admit(Username.parse("Sam"), "client-sam-22", "id-sam", "c2");
		this.room.admit(Username.parse("alex"), "client-alex-1", "id-alex", "c3");

		assertThat(this.room.userNames()).containsExactly("alex", "Sam");
		assertThat(this.room.release(Username.parse("Sam").key(), "c1")).isNull();
		assertThat(this.room.userNames()).containsExactly("alex", "Sam");
		assertThat(this.room.release(Username.parse("Sam").key(), "c2")).isEqualTo("Sam");
		assertThat(this.room.userNames()).containsExactly("alex");
	}

}
