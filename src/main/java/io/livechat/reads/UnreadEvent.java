package io.livechat.reads;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.livechat.chat.PersonalEvent;

/** A connection's unread counts in the rooms other than its own (those that changed, or all of them after a join). */
@JsonTypeName("unread")
public record UnreadEvent(List<RoomUnread> rooms) implements PersonalEvent {

	public UnreadEvent {
		rooms = List.copyOf(rooms);
	}

	/** The messages in a room above the person's read position. */
	public record RoomUnread(String room, long unread) {
	}

}
