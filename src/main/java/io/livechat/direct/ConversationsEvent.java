package io.livechat.direct;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.livechat.chat.PersonalEvent;

/** A person's conversations, newest first, without those with people they block. */
@JsonTypeName("conversations")
public record ConversationsEvent(List<ConversationEntry> conversations) implements PersonalEvent {

}
