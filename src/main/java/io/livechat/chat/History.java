package io.livechat.chat;

import java.util.List;

/**
 * A window of a room's messages, oldest first.
 *
 * @param truncated whether messages newer than the requested starting point exist that this
 * window leaves out
 */
public record History(List<ChatMessage> messages, boolean truncated) {

}
