package io.livechat.chat;

import java.util.regex.Pattern;

/**
 * A configured chat room: {@code id} is used in destinations ({@code /topic/{id}}), {@code name}
 * is shown to people.
 */
public record Room(String id, String name) {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

	/** Room ids that would collide with a fixed destination. */
	private static final String RESERVED_ID = "rooms";

	public Room {
		if (id == null || !ID.matcher(id).matches() || RESERVED_ID.equals(id)) {
			throw new IllegalArgumentException(
					"A room id is 1-32 characters of a-z, 0-9 and '-', and not 'rooms'; got " + id);
		}
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("Room '" + id + "' needs a display name");
		}
	}

}
