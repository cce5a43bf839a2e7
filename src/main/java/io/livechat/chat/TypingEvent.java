package io.livechat.chat;

import com.fasterxml.jackson.annotation.JsonTypeName;

@JsonTypeName("typing")
public record TypingEvent(String room, String username, boolean typing) implements ChatEvent {

}
