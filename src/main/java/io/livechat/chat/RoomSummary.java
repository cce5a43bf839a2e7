package io.livechat.chat;

/**
 * A room with the number of users in it (people, not connections).
 */
public record RoomSummary(String id, String name, int users) {

}
