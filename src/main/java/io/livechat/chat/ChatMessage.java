package io.livechat.chat;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A stored chat message; {@code id} is the room's sequence (1, 2, 3, ...), {@code timestamp}
 * the server's epoch millis.
 */
@JsonTypeName("message")
public record ChatMessage(long id, String room, String username, String text, long timestamp) implements ChatEvent {

}
