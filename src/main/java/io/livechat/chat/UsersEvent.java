package io.livechat.chat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.livechat.people.Person;

/**
 * The users in a room, sorted case-insensitively, each name once; with who came ({@code joined})
 * and who went ({@code left}) since the room's previous list, and with each user's public id
 * ({@code members}, in the order of {@code users}).
 */
@JsonTypeName("users")
public record UsersEvent(String room, List<String> users, List<String> joined, List<String> left,
		List<Person> members) implements ChatEvent {

	public UsersEvent {
		users = List.copyOf(users);
		joined = (joined != null) ? List.copyOf(joined) : List.of(); // absent from a v1 list
		left = (left != null) ? List.copyOf(left) : List.of();
		members = (members != null) ? List.copyOf(members) : List.of(); // absent before v1.2
	}

	/** The list alone, before anyone compared it with the previous one or looked up ids. */
	public UsersEvent(String room, List<String> users) {
		this(room, users, List.of(), List.of(), List.of());
	}

	/** The list with what changed, before anyone looked up ids. */
	public UsersEvent(String room, List<String> users, List<String> joined, List<String> left) {
		this(room, users, joined, left, List.of());
	}

	/** This list, with what changed since {@code previous} (the room's list before it). */
	public UsersEvent since(List<String> previous) {
		Set<String> before = new HashSet<>(previous);
		Set<String> now = new HashSet<>(this.users);
		return new UsersEvent(this.room, this.users, this.users.stream().filter((name) -> !before.contains(name)).toList(),
				previous.stream().filter((name) -> !now.contains(name)).toList(), this.members);
	}

}
