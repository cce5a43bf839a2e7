package io.livechat.direct;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.livechat.chat.PersonalEvent;

/**
 * One entry of a person's conversations changed (read by them or by the other, blocked,
 * unblocked): its fields as a {@link ConversationEntry}'s.
 */
@JsonTypeName("conversation")
public record ConversationEvent(String conversation, Peer with, long lastId, long lastReadId,
		long peerLastReadId, int unread, boolean blocked, DirectMessage last) implements PersonalEvent {

	static ConversationEvent of(ConversationEntry entry) {
		return new ConversationEvent(entry.conversation(), entry.with(), entry.lastId(), entry.lastReadId(),
				entry.peerLastReadId(), entry.unread(), entry.blocked(), entry.last());
	}

}
