package io.livechat.direct;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of this node's connections belong to whom: a connection is known from its STOMP
 * CONNECT, and belongs to a person (a public id) from its first join. One monitor, held only
 * for map updates (no I/O, no events sent under it).
 */
public final class Mailboxes {

	private static final String NOBODY = "";

	/** Every open connection, with its person's id ({@link #NOBODY} before its first join). */
	private final Map<String, String> owners = new HashMap<>();

	private final Map<String, Set<String>> connections = new HashMap<>();

	synchronized void open(String connectionId) {
		this.owners.putIfAbsent(connectionId, NOBODY);
	}

	/**
	 * The connection (if still open) is now {@code person}'s. What changed: who came online
	 * and who went offline here because of it (either may be null).
	 */
	synchronized Change claim(String connectionId, String person) {
		String owner = this.owners.get(connectionId);
		if (owner == null || owner.equals(person)) {
			return Change.NONE; // closed meanwhile, or already theirs
		}
		String offline = owner.equals(NOBODY) ? null : drop(owner, connectionId);
		this.owners.put(connectionId, person);
		Set<String> boxes = this.connections.computeIfAbsent(person, (id) -> new HashSet<>(2));
		boxes.add(connectionId);
		return new Change((boxes.size() == 1) ? person : null, offline);
	}

	/** The connection closed; who went offline here because of it (or null). */
	synchronized String close(String connectionId) {
		String owner = this.owners.remove(connectionId);
		return (owner == null || owner.equals(NOBODY)) ? null : drop(owner, connectionId);
	}

	/** Whose the connection is, or null before its first join. */
	synchronized String ownerOf(String connectionId) {
		String owner = this.owners.get(connectionId);
		return (owner == null || owner.equals(NOBODY)) ? null : owner;
	}

	synchronized List<String> connectionsOf(String person) {
		Set<String> boxes = this.connections.get(person);
		return (boxes != null) ? List.copyOf(boxes) : List.of();
	}

	public synchronized boolean isOnline(String person) {
		return this.connections.containsKey(person);
	}

	/** Everyone with a connection here. */
	public synchronized List<String> people() {
		return List.copyOf(this.connections.keySet());
	}

	/** Removes a connection from its owner's; the owner when that was their last. */
	private String drop(String owner, String connectionId) {
		Set<String> boxes = this.connections.get(owner);
		if (boxes == null || !boxes.remove(connectionId) || !boxes.isEmpty()) {
			return null;
		}
		this.connections.remove(owner);
		return owner;
	}

	record Change(String online, String offline) {

		static final Change NONE = new Change(null, null);

	}

}
