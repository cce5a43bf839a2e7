package io.livechat.direct;

/**
 * Where a stored direct message goes: this node's connections of its two people
 * ({@link LocalDelivery#deliver}), and in a cluster the other nodes' too. Called in id order per
 * conversation; must not block.
 */
public interface DirectMessageRoute {

	void stored(DirectMessage message, boolean hidden);

	/** The reader's position in the conversation moved (stored): the other nodes tell their connections. */
	default void read(String reader, Conversation conversation) {
	}

	/** The person's first connection here has joined: their conversations concern this node now (may do I/O). */
	default void arrived(String person) {
	}

}
