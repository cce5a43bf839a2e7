package io.livechat.chat;

/**
 * An event for one person's own connections, outside the rooms: the direct messages' events
 * (package {@code direct}) are of this kind. Each still has a {@code type} of its own.
 */
public non-sealed interface PersonalEvent extends ChatEvent {

}
