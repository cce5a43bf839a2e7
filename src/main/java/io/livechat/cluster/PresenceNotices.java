package io.livechat.cluster;

import io.livechat.chat.ChatEvent;
import io.livechat.chat.ChatEvents;
import io.livechat.chat.RoomsEvent;
import io.livechat.chat.UsersEvent;

/**
 * Turns this node's changed user lists and room counts into notices to the other nodes, which
 * read the new state from Redis themselves: the lists are not sent over the channel.
 */
final class PresenceNotices implements ChatEvents {

	private final ClusterBus bus;

	private final String nodeId;

	PresenceNotices(ClusterBus bus, String nodeId) {
		this.bus = bus;
		this.nodeId = nodeId;
	}

	@Override
	public void toRoom(String roomId, ChatEvent event) {
		if (event instanceof UsersEvent) {
			this.bus.publish(ClusterMessage.usersChanged(this.nodeId, roomId));
		}
	}

	@Override
	public void toConnection(String connectionId, ChatEvent event) {
	}

	@Override
	public void toLobby(RoomsEvent event) {
		this.bus.publish(ClusterMessage.roomsChanged(this.nodeId));
	}

}
