package io.livechat.people;

import java.util.Optional;
import java.util.function.Function;

/**
 * Everyone who ever joined, and everyone in a room right now: a join's reply (and the room's
 * news of the newcomer, with their public id) goes out before their name is stored, so someone
 * who joined a moment ago is found in the rooms until the store has them.
 */
public final class PeopleInRooms implements People {

	private final People stored;

	private final Function<String, Optional<String>> inARoom;

	/**
	 * @param stored the people who ever joined
	 * @param inARoom the name of whoever has that public id in a room now, found without I/O
	 */
	public PeopleInRooms(People stored, Function<String, Optional<String>> inARoom) {
		this.stored = stored;
		this.inARoom = inARoom;
	}

	@Override
	public void remember(Person person) {
		this.stored.remember(person);
	}

	@Override
	public Optional<String> nameOf(String id) {
		return this.stored.nameOf(id).or(() -> this.inARoom.apply(id));
	}

}
