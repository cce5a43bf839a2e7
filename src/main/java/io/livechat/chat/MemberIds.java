package io.livechat.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.livechat.people.Person;
import io.livechat.people.PublicIds;

/**
 * The public ids of a room's users, for the {@code members} of its lists: this node's users as
 * the room keeps them, the other nodes' from their client ids as {@link Presence} last read
 * them. No I/O, no lock.
 */
final class MemberIds {

	private final PublicIds ids;

	private final Presence presence;

	MemberIds(PublicIds ids, Presence presence) {
		this.ids = ids;
		this.presence = presence;
	}

	String of(String clientId) {
		return this.ids.of(clientId);
	}

	/** {@code users} (the room's, as a list says them) with their ids, in order; a user whose id is not known yet is left out. */
	List<Person> members(ChatRoom room, List<String> users) {
		Map<String, String> here = room.idsByName();
		Map<String, String> elsewhere = null;
		List<Person> members = new ArrayList<>(users.size());
		for (String name : users) {
			String id = here.get(name);
			if (id == null) {
				if (elsewhere == null) {
					elsewhere = this.presence.clientsElsewhere(room.id());
				}
				String clientId = elsewhere.get(name);
				id = (clientId != null) ? this.ids.of(clientId) : null;
			}
			if (id != null) {
				members.add(new Person(id, name));
			}
		}
		return members;
	}

}
