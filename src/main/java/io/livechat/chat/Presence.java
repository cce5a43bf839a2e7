package io.livechat.chat;

import java.util.List;
import java.util.Map;

/**
 * Who is in a room beyond this node. The registry keeps its own connections and asks this when
 * a user's first connection here enters a room, when their last one here leaves, and for the
 * room's users and count. {@link #LOCAL} is a node alone: there is nobody else.
 * <p>
 * {@link #claim}, {@link #release}, {@link #users} and {@link #count} may do I/O: they are never
 * called under a room's lock (a claim or release holds only the lock of that name in that room),
 * and an implementation that cannot reach its store falls back to this node's own view at once.
 * {@link #known} does no I/O: it is what a join's reply says under the room's lock.
 */
public interface Presence {

	/** One node alone: every name free here is free, and this node's users are everyone. */
	Presence LOCAL = new Presence() {

		@Override
		public Claim claim(String roomId, Username name, String clientId) {
			return new Claim(true, true, name.value());
		}

		@Override
		public boolean release(String roomId, String nameKey) {
			return true;
		}

		@Override
		public List<String> users(String roomId, List<String> here) {
			return here;
		}

		@Override
		public List<String> known(String roomId, List<String> here) {
			return here;
		}

		@Override
		public int count(String roomId, int here) {
			return here;
		}

	};

	/** A user's first connection on this node enters the room under {@code name}. */
	Claim claim(String roomId, Username name, String clientId);

	/**
	 * The user's last connection on this node left; whether that made them leave the room
	 * everywhere (and so is for this node to announce).
	 */
	boolean release(String roomId, String nameKey);

	/** Everyone in the room, sorted case-insensitively; {@code here} is this node's users, sorted. */
	List<String> users(String roomId, List<String> here);

	/**
	 * Everyone in the room as this node knows without asking: {@code here} (this node's users,
	 * sorted), and the other nodes' users as of the last {@link #users} read; sorted. No I/O.
	 */
	List<String> known(String roomId, List<String> here);

	/**
	 * The client ids of the room's users on other nodes, by name, as of the last {@link #users}
	 * read (for their public ids). No I/O.
	 */
	default Map<String, String> clientsElsewhere(String roomId) {
		return Map.of();
	}

	/** How many users the room has; {@code here} is how many are on this node. */
	int count(String roomId, int here);

	/**
	 * The answer to a claim.
	 *
	 * @param granted whether the name is this client's (free, or already its own elsewhere)
	 * @param newcomer whether the user is new to the room (not there on any node)
	 * @param name the name as the room knows it (as first taken, when already there), or the
	 * holder's name when not granted
	 */
	record Claim(boolean granted, boolean newcomer, String name) {
	}

}
