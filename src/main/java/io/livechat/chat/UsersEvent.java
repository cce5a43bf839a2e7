package io.livechat.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * The users in a room, sorted case-insensitively, each name once.
 */
@JsonTypeName("users")
public record UsersEvent(String room, List<String> users) implements ChatEvent {

}
