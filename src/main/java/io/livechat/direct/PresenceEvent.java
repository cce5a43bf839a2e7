package io.livechat.direct;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.livechat.chat.PersonalEvent;

/** Someone one has a conversation with is connected now, or not any more. */
@JsonTypeName("presence")
public record PresenceEvent(String user, boolean online) implements PersonalEvent {

}
