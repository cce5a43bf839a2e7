package io.livechat.chat;

import java.util.List;

import io.livechat.people.Person;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsersEventTest {

	@Test
	void aListSaysWhoCameAndWentAndTheIdsOfWhoCameOnly() {
		UsersEvent now = new UsersEvent("general", List.of("Alex", "Kim", "Sam"), List.of(), List.of(),
				List.of(new Person("id-alex", "Alex"), new Person("id-kim", "Kim"), new Person("id-sam", "Sam")));

		UsersEvent sent = now.since(List.of("Alex", "Lee"));

		assertThat(sent.users()).containsExactly("Alex", "Kim", "Sam");
		assertThat(sent.joined()).containsExactly("Kim", "Sam");
		assertThat(sent.left()).containsExactly("Lee");
		assertThat(sent.joinedMembers()).containsExactly(new Person("id-kim", "Kim"), new Person("id-sam", "Sam"));
	}

	@Test
	void theFirstListOfARoomNamesEveryonesId() {
		UsersEvent now = new UsersEvent("general", List.of("Alex"), List.of(), List.of(),
				List.of(new Person("id-alex", "Alex")));

		assertThat(now.since(List.of()).joinedMembers()).containsExactly(new Person("id-alex", "Alex"));
	}

}
