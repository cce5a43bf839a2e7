package io.livechat.cluster;

import java.nio.charset.StandardCharsets;

import io.livechat.chat.ChatMessage;
import io.livechat.chat.SystemEvent;
import io.livechat.chat.TypingEvent;
import io.livechat.direct.DirectMessage;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What one node tells the others on the cluster's channel, as JSON: a stored message, a system
 * or typing event, a stored direct message, or that a room's users (or the room counts) changed,
 * which each node then reads from Redis. Exactly one of {@code message}, {@code system},
 * {@code typing} and {@code dm} is set for those kinds; {@code hidden} goes with {@code dm}, and
 * {@code person} (a public id) with a presence notice: that person came or went on the sender;
 * with {@code room} and {@code lastRead}, that person's read position moved there; with
 * {@code readReceipts}, that person's setting changed.
 *
 * @param node the sender, which ignores its own (written first, so that it can tell without
 * reading the rest)
 */
@JsonPropertyOrder({ "node", "kind", "room" })
record ClusterMessage(String node, Kind kind, String room, ChatMessage message, SystemEvent system,
		TypingEvent typing, DirectMessage dm, boolean hidden, String person, long lastRead, boolean readReceipts,
		String peer) {

	enum Kind {

		MESSAGE, SYSTEM, TYPING, USERS, ROOMS, DM, PRESENCE, READ, RECEIPTS, DM_READ

	}

	static ClusterMessage of(String node, ChatMessage message) {
		return new ClusterMessage(node, Kind.MESSAGE, message.room(), message, null, null, null, false, null, 0, false, null);
	}

	static ClusterMessage of(String node, SystemEvent system) {
		return new ClusterMessage(node, Kind.SYSTEM, system.room(), null, system, null, null, false, null, 0, false, null);
	}

	static ClusterMessage of(String node, TypingEvent typing) {
		return new ClusterMessage(node, Kind.TYPING, typing.room(), null, null, typing, null, false, null, 0, false, null);
	}

	static ClusterMessage of(String node, DirectMessage dm, boolean hidden) {
		return new ClusterMessage(node, Kind.DM, null, null, null, null, dm, hidden, null, 0, false, null);
	}

	static ClusterMessage presenceChanged(String node, String person) {
		return new ClusterMessage(node, Kind.PRESENCE, null, null, null, null, null, false, person, 0, false, null);
	}

	static ClusterMessage read(String node, String person, String room, long lastRead) {
		return new ClusterMessage(node, Kind.READ, room, null, null, null, null, false, person, lastRead, false, null);
	}

	static ClusterMessage dmRead(String node, String reader, String peer) {
		return new ClusterMessage(node, Kind.DM_READ, null, null, null, null, null, false, reader, 0, false, peer);
	}

	static ClusterMessage receiptsChanged(String node, String person, boolean on) {
		return new ClusterMessage(node, Kind.RECEIPTS, null, null, null, null, null, false, person, 0, on, null);
	}

	static ClusterMessage usersChanged(String node, String room) {
		return new ClusterMessage(node, Kind.USERS, room, null, null, null, null, false, null, 0, false, null);
	}

	static ClusterMessage roomsChanged(String node) {
		return new ClusterMessage(node, Kind.ROOMS, null, null, null, null, null, false, null, 0, false, null);
	}

	/** How the JSON of a message from {@code node} begins. */
	static byte[] prefixOf(String node) {
		return ("{\"node\":\"" + node + "\"").getBytes(StandardCharsets.UTF_8);
	}

}
