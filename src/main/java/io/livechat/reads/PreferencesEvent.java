package io.livechat.reads;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.livechat.chat.PersonalEvent;

/** A person's settings, to each of their connections: after a join, and when they change. */
@JsonTypeName("preferences")
public record PreferencesEvent(boolean readReceipts) implements PersonalEvent {
}
