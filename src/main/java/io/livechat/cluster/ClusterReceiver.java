package io.livechat.cluster;

import java.util.Arrays;
import java.util.List;

import io.livechat.chat.ChatEvents;
import io.livechat.chat.RoomRegistry;
import io.livechat.chat.RoomsEvent;
import io.livechat.chat.UsersEvent;
import io.livechat.reads.ReadReceipts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;

/**
 * The other nodes' room events and direct messages, as they arrive on the cluster's channel (in the order each node
 * published them), to this node's clients: messages through the {@link MessageSequencer}, system
 * and typing events as they are, and on a presence notice (or a system event) the room's users
 * and the room counts as Redis has them when they go out (coalesced, read afresh).
 */
final class ClusterReceiver implements MessageListener {

	private static final Logger logger = LoggerFactory.getLogger(ClusterReceiver.class);

	private final String nodeId;

	/** The start of this node's own events, which come back to it and are skipped unread. */
	private final byte[] ownPrefix;

	private final JsonMapper json;

	private final ChatEvents local;

	private final MessageSequencer sequencer;

	private final CatchUp catchUp;

	private final RoomRegistry registry;

	private final ClusterDirectMessages directMessages;

	private final RedisOnlinePeople online;

	private final ReadReceipts reads;

	ClusterReceiver(String nodeId, JsonMapper json, ChatEvents local, MessageSequencer sequencer, CatchUp catchUp,
			RoomRegistry registry, ClusterDirectMessages directMessages, RedisOnlinePeople online, ReadReceipts reads) {
		this.directMessages = directMessages;
		this.reads = reads;
		this.online = online;
		this.nodeId = nodeId;
		this.ownPrefix = ClusterMessage.prefixOf(nodeId);
		this.json = json;
		this.local = local;
		this.sequencer = sequencer;
		this.catchUp = catchUp;
		this.registry = registry;
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		byte[] body = message.getBody();
		if (Arrays.equals(body, 0, Math.min(body.length, this.ownPrefix.length), this.ownPrefix, 0,
				this.ownPrefix.length)) {
			return;
		}
		ClusterMessage event;
		try {
			event = this.json.readValue(body, ClusterMessage.class);
		}
		catch (JacksonException ex) {
			logger.warn("Ignored an unreadable cluster event: {}", ex.getOriginalMessage());
			return;
		}
		if (this.nodeId.equals(event.node()) || (event.room() != null && !this.registry.isRoom(event.room()))) {
			return;
		}
		switch (event.kind()) {
			case MESSAGE -> this.registry.exclusively(event.room(), () -> {
				if (this.sequencer.offer(event.message())) {
					this.catchUp.soon();
				}
			});
			case SYSTEM -> { // someone joined or left: the lists change too, even if that notice is lost
				this.local.toRoom(event.room(), event.system());
				this.local.toRoom(event.room(), new UsersEvent(event.room(), List.of()));
				this.local.toLobby(new RoomsEvent(List.of()));
			}
			case TYPING -> this.local.toRoom(event.room(), event.typing());
			// read afresh when they go out (at most once per presence interval)
			case USERS -> this.local.toRoom(event.room(), new UsersEvent(event.room(), List.of()));
			case ROOMS -> this.local.toLobby(new RoomsEvent(List.of()));
			case DM -> this.directMessages.received(event.dm(), event.hidden());
			case PRESENCE -> this.online.changedElsewhere(event.person());
			case READ -> this.reads.advancedElsewhere(event.person(), event.room(), event.lastRead());
			case RECEIPTS -> this.reads.receiptsChangedElsewhere(event.person(), event.readReceipts());
			case DM_READ -> this.directMessages.readElsewhere(event.person(), event.peer());
		}
	}

}
