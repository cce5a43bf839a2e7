package io.livechat.direct;

/**
 * One conversation as one of its two people sees it.
 *
 * @param lastId the conversation's newest id
 * @param lastReadId how far this person has read
 * @param peerLastReadId how far the other person has read, when both share read receipts (0
 * otherwise)
 * @param unread the other person's messages above {@code lastReadId} that this person may see
 * @param blocked whether this person blocks the other
 * @param last the newest message this person may see (null if none)
 */
public record ConversationEntry(String conversation, Peer with, long lastId, long lastReadId,
		long peerLastReadId, int unread,
		boolean blocked, DirectMessage last) {
}
