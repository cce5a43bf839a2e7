package io.livechat.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.livechat.people.Person;

/**
 * The reply to a join, sent to the joining connection only.
 *
 * @param me the joining person's public id
 * @param history kept messages newer than the join's {@code since}, oldest first, at most 50
 * @param truncated whether newer-than-{@code since} messages exist that {@code history} leaves
 * out (page back to see them)
 * @param members {@code users} with their public ids, in the same order
 * @param lastRead the joining person's read position in the room (0: none yet)
 * @param reads the positions of the others in the room who share them
 */
@JsonTypeName("joined")
public record JoinedEvent(String room, String username, String me, List<ChatMessage> history, List<String> users,
		List<Person> members, boolean truncated, long lastRead, List<ReadPosition> reads) implements ChatEvent {

	public JoinedEvent {
		reads = (reads != null) ? List.copyOf(reads) : List.of(); // absent before v1.3
	}

}
