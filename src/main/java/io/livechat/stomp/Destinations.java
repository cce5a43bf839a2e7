package io.livechat.stomp;

import java.util.Set;

/**
 * Every STOMP destination of the wire contract, in one place (docs/protocol.md is the table
 * for humans).
 */
final class Destinations {

	static final String APPLICATION_PREFIX = "/app";

	static final String USER_PREFIX = "/user";

	static final String TOPIC_PREFIX = "/topic/";

	/** Per-connection events, as the server addresses them (under {@link #USER_PREFIX}). */
	static final String EVENTS = "/queue/events";

	/** Per-connection events, as a client subscribes to them. */
	static final String USER_EVENTS = USER_PREFIX + EVENTS;

	static final String ROOMS = "/topic/rooms";

	static final String JOIN = "/join";

	static final String SEND = "/send";

	static final String LEAVE = "/leave";

	static final String TYPING = "/typing";

	static final String DM = "/dm";

	static final String CONVERSATIONS = "/conversations";

	static final String DM_HISTORY = "/dm-history";

	static final String DM_READ = "/dm-read";

	static final String BLOCK = "/block";

	static final String READ = "/read";

	static final String PREFERENCES = "/preferences";

	/** Where a client may SEND. */
	static final Set<String> COMMANDS = Set.of(APPLICATION_PREFIX + JOIN, APPLICATION_PREFIX + SEND,
			APPLICATION_PREFIX + LEAVE, APPLICATION_PREFIX + TYPING, APPLICATION_PREFIX + DM,
			APPLICATION_PREFIX + CONVERSATIONS, APPLICATION_PREFIX + DM_HISTORY, APPLICATION_PREFIX + DM_READ,
			APPLICATION_PREFIX + BLOCK, APPLICATION_PREFIX + READ, APPLICATION_PREFIX + PREFERENCES);

	private Destinations() {
	}

	static String room(String roomId) {
		return TOPIC_PREFIX + roomId;
	}

	/** Whether a destination is a room's topic (not the room list). */
	static boolean isRoom(String destination) {
		return destination.startsWith(TOPIC_PREFIX) && !destination.equals(ROOMS);
	}

}
