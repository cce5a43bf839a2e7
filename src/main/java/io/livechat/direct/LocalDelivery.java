package io.livechat.direct;

import io.livechat.chat.ChatEvents;

/**
 * Hands a stored direct message to this node's connections of its sender, and of its recipient
 * unless it is hidden from them. Sends never block.
 */
public final class LocalDelivery {

	private final Mailboxes mailboxes;

	private final ChatEvents events;

	public LocalDelivery(Mailboxes mailboxes, ChatEvents events) {
		this.mailboxes = mailboxes;
		this.events = events;
	}

	public void deliver(DirectMessage message, boolean hidden) {
		this.mailboxes.connectionsOf(message.from().id()).forEach((connection) -> this.events.toConnection(connection, message));
		if (!hidden) {
			this.mailboxes.connectionsOf(message.to().id())
				.forEach((connection) -> this.events.toConnection(connection, message));
		}
	}

	/** Whether someone of the conversation (by its id) has a connection here. */
	public boolean concernsThisNode(String conversation) {
		int dot = conversation.indexOf('.');
		return dot > 0 && (this.mailboxes.isOnline(conversation.substring(0, dot))
				|| this.mailboxes.isOnline(conversation.substring(dot + 1)));
	}

}
