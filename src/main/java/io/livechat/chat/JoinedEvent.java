package io.livechat.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * The reply to a join, sent to the joining connection only.
 *
 * @param history kept messages newer than the join's {@code since}, oldest first, at most 50
 * @param truncated whether newer-than-{@code since} messages exist that {@code history} leaves
 * out (page back to see them)
 */
@JsonTypeName("joined")
public record JoinedEvent(String room, String username, List<ChatMessage> history, List<String> users,
		boolean truncated) implements ChatEvent {

}
