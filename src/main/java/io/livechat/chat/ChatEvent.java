package io.livechat.chat;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Everything the server sends to clients. Each event is serialized as JSON with a {@code type}
 * property naming its kind; docs/protocol.md lists them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public sealed interface ChatEvent
		permits ChatMessage, SystemEvent, UsersEvent, TypingEvent, ReadsEvent, RoomsEvent, JoinedEvent, ErrorEvent,
		PersonalEvent {

}
