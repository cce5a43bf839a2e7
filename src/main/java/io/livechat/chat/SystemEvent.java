package io.livechat.chat;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * Someone joined or left a room; {@code event} is {@code "joined"} or {@code "left"}.
 */
@JsonTypeName("system")
public record SystemEvent(String event, String room, String username, String text, long timestamp)
		implements ChatEvent {

	public static SystemEvent joined(String room, String username, long timestamp) {
		return new SystemEvent("joined", room, username, username + " joined #" + room, timestamp);
	}

	public static SystemEvent left(String room, String username, long timestamp) {
		return new SystemEvent("left", room, username, username + " left #" + room, timestamp);
	}

}
