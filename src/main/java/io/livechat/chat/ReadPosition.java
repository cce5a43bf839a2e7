package io.livechat.chat;

/**
 * How far one person has read a room: the highest message id they have seen there ({@code 0}
 * in a {@code reads} event: their position is no longer shown).
 *
 * @param id the person's public id
 * @param name the name they are in the room under
 */
public record ReadPosition(String id, String name, long lastRead) {
}
