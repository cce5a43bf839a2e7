package io.livechat.chat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.livechat.people.Person;

/**
 * The users in a room, sorted case-insensitively, each name once; with who came ({@code joined})
 * and who went ({@code left}) since the room's previous list, and the public ids of those who
 * came ({@code joinedMembers}, in the order of {@code joined}): a client has everyone's id from
 * its {@code joined} reply and the lists after it, and a list of a big room stays small.
 */
@JsonTypeName("users")
public record UsersEvent(String room, List<String> users, List<String> joined, List<String> left,
		List<Person> joinedMembers) implements ChatEvent {

	public UsersEvent {
		users = List.copyOf(users);
		joined = (joined != null) ? List.copyOf(joined) : List.of(); // absent from a v1 list
		left = (left != null) ? List.copyOf(left) : List.of();
		joinedMembers = (joinedMembers != null) ? List.copyOf(joinedMembers) : List.of(); // absent before v1.2
	}

	/** The list alone, before anyone compared it with the previous one or looked up ids. */
	public UsersEvent(String room, List<String> users) {
		this(room, users, List.of(), List.of(), List.of());
	}

	/** The list with what changed, before anyone looked up ids. */
	public UsersEvent(String room, List<String> users, List<String> joined, List<String> left) {
		this(room, users, joined, left, List.of());
	}

	/**
	 * This list, with what changed since {@code previous} (the room's list before it); of the
	 * ids this list holds ({@code joinedMembers}: everyone's, as looked up), those of who came.
	 */
	public UsersEvent since(List<String> previous) {
		Set<String> before = new HashSet<>(previous);
		Set<String> now = new HashSet<>(this.users);
		List<String> joined = this.users.stream().filter((name) -> !before.contains(name)).toList();
		Set<String> came = new HashSet<>(joined);
		return new UsersEvent(this.room, this.users, joined, previous.stream().filter((name) -> !now.contains(name)).toList(),
				this.joinedMembers.stream().filter((member) -> came.contains(member.name())).toList());
	}

}
