package io.livechat.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A stored chat message; {@code id} is the room's sequence (1, 2, 3, ...), {@code timestamp}
 * the server's epoch millis; {@code image} the picture it carries, if any ({@code text} is then
 * its caption, perhaps empty).
 */
@JsonTypeName("message")
public record ChatMessage(long id, String room, String username, String text, long timestamp,
		@JsonInclude(JsonInclude.Include.NON_NULL) MessageImage image) implements ChatEvent {

	/** A message of text alone. */
	public ChatMessage(long id, String room, String username, String text, long timestamp) {
		this(id, room, username, text, timestamp, null);
	}

}
