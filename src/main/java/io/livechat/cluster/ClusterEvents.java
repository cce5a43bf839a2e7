package io.livechat.cluster;

import io.livechat.chat.ChatEvent;
import io.livechat.chat.ChatEvents;
import io.livechat.chat.ChatMessage;
import io.livechat.chat.RoomsEvent;
import io.livechat.chat.SystemEvent;
import io.livechat.chat.TypingEvent;
import io.livechat.chat.UsersEvent;

/**
 * This node's room events, to its own clients and to the other nodes: messages through the
 * {@link MessageSequencer} (so that this node's clients get them in id order among those of other
 * nodes), system and typing events as they are, and, for a changed user list or room count, a
 * notice (at most one per room per presence interval) on which each node reads the new state
 * from Redis. A connection's own events stay here.
 */
final class ClusterEvents implements ChatEvents {

	private final ChatEvents local;

	private final ChatEvents notices;

	private final ClusterBus bus;

	private final MessageSequencer sequencer;

	private final CatchUp catchUp;

	private final String nodeId;

	/**
	 * @param local this node's clients (through {@link io.livechat.chat.CoalescedPresence})
	 * @param notices where changed user lists and room counts go, to become notices
	 */
	ClusterEvents(ChatEvents local, ChatEvents notices, ClusterBus bus, MessageSequencer sequencer, CatchUp catchUp,
			String nodeId) {
		this.local = local;
		this.notices = notices;
		this.bus = bus;
		this.sequencer = sequencer;
		this.catchUp = catchUp;
		this.nodeId = nodeId;
	}

	@Override
	public void toRoom(String roomId, ChatEvent event) {
		if (event instanceof ChatMessage message) {
			this.bus.publish(ClusterMessage.of(this.nodeId, message));
			if (this.sequencer.offer(message)) {
				this.catchUp.soon();
			}
			return;
		}
		if (event instanceof UsersEvent) {
			this.notices.toRoom(roomId, event);
		}
		else if (event instanceof SystemEvent system) {
			this.bus.publish(ClusterMessage.of(this.nodeId, system));
		}
		else if (event instanceof TypingEvent typing) {
			this.bus.publish(ClusterMessage.of(this.nodeId, typing));
		}
		this.local.toRoom(roomId, event);
	}

	@Override
	public void toConnection(String connectionId, ChatEvent event) {
		this.local.toConnection(connectionId, event);
	}

	@Override
	public void toLobby(RoomsEvent event) {
		this.notices.toLobby(event);
		this.local.toLobby(event);
	}

}
