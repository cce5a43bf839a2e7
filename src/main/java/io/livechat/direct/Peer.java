package io.livechat.direct;

/** The other person of a conversation: their public id, last name, and whether they are connected. */
public record Peer(String id, String name, boolean online) {
}
