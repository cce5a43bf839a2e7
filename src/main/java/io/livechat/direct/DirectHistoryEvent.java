package io.livechat.direct;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.livechat.chat.PersonalEvent;

/**
 * A page of a conversation, oldest first, to the connection that asked.
 *
 * @param with the other person's public id
 * @param hasMore older messages exist (a page before an id, or the newest), or newer ones (a
 * page since an id)
 * @param blocked whether the asking person blocks {@code with}
 */
@JsonTypeName("dm-history")
public record DirectHistoryEvent(String with, String conversation, List<DirectMessage> messages, boolean hasMore,
		boolean blocked) implements PersonalEvent {

}
