package io.livechat.people;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whom a direct message may go to: who ever joined, and who is in a room now. */
class PeopleInRoomsTest {

	private final InMemoryPeople stored = new InMemoryPeople();

	private final Map<String, String> inRooms = Map.of("samPublicId00000000000", "Sam");

	private final PeopleInRooms people = new PeopleInRooms(this.stored,
			(id) -> Optional.ofNullable(this.inRooms.get(id)));

	@Test
	void someoneInARoomIsKnownBeforeTheirNameIsStored() {
		assertThat(this.people.nameOf("samPublicId00000000000")).contains("Sam");
	}

	@Test
	void theStoredNameComesFirstAndNobodyElseIsKnown() {
		this.people.remember(new Person("samPublicId00000000000", "Samuel"));

		assertThat(this.people.nameOf("samPublicId00000000000")).contains("Samuel");
		assertThat(this.stored.nameOf("samPublicId00000000000")).as("remembered in the store").contains("Samuel");
		assertThat(this.people.nameOf("kimPublicId00000000000")).isEmpty();
	}

}
