package io.livechat.chat;

/**
 * A user with at least one connection on this node in a room: the name the room knows them by
 * and the client (browser) that holds it.
 */
public record Resident(String name, String clientId) {
}
