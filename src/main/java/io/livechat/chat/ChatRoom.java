package io.livechat.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One room's live members. Not thread-safe by itself: {@link RoomRegistry} holds the room's
 * monitor around every call, which also orders the room's events; only {@link #summary()},
 * {@link #userNames()} and {@link #idsByName()} may be read without it.
 */
final class ChatRoom {

	private final Room room;

	/** By {@link Username#key()}. */
	private final Map<String, Member> members = new HashMap<>();

	/** The members' names, sorted case-insensitively; changed in place, under the room's lock. */
	private final List<String> sorted = new ArrayList<>();

	/** A copy of {@link #sorted}: replaced on each change, read without the room's lock. */
	private volatile List<String> names = List.of();

	/**
	 * Each member's public id by name: changed in place under the room's lock, read without it (a
	 * reader may see a change made after the list it pairs the ids with). Not copied per change: a
	 * storm of 5,000 joins would copy 12.5 million entries.
	 */
	private final Map<String, String> ids = new ConcurrentHashMap<>();

	private final Map<String, String> idsView = Collections.unmodifiableMap(this.ids);

	private final SerialHandOff handOff;

	ChatRoom(Room room, SerialHandOff handOff) {
		this.room = room;
		this.handOff = handOff;
	}

	/** Where the store's writer hands over this room's stored messages, in id order. */
	SerialHandOff handOff() {
		return this.handOff;
	}

	String id() {
		return this.room.id();
	}

	RoomSummary summary() {
		return new RoomSummary(this.room.id(), this.room.name(), this.names.size());
	}

	/**
	 * Whether {@code name} could be taken by {@code clientId} now: the name is free or already
	 * that client's (another tab).
	 */
	boolean isAvailable(Username name, String clientId) {
		Member member = this.members.get(name.key());
		return member == null || member.clientId.equals(clientId);
	}

	/**
	 * Adds a connection under a name, or returns null when another client holds the name.
	 */
	Admission admit(Username name, String clientId, String publicId, String connectionId) {
		Member member = this.members.get(name.key());
		if (member == null) {
			member = new Member(name.value(), clientId);
			this.members.put(name.key(), member);
			int at = Collections.binarySearch(this.sorted, member.name, String.CASE_INSENSITIVE_ORDER);
			this.sorted.add((at < 0) ? -at - 1 : at, member.name);
			this.names = List.copyOf(this.sorted);
			this.ids.put(member.name, publicId);
			member.connections.add(connectionId);
			return new Admission(member.name, true);
		}
		if (!member.clientId.equals(clientId)) {
			return null;
		}
		member.connections.add(connectionId);
		return new Admission(member.name, false);
	}

	/**
	 * Removes a connection; returns the member's name when that was its last connection (the
	 * user left), otherwise null.
	 */
	String release(String nameKey, String connectionId) {
		Member member = this.members.get(nameKey);
		if (member == null || !member.connections.remove(connectionId) || !member.connections.isEmpty()) {
			return null;
		}
		this.members.remove(nameKey);
		int at = Collections.binarySearch(this.sorted, member.name, String.CASE_INSENSITIVE_ORDER);
		if (at < 0 || !this.sorted.get(at).equals(member.name)) {
			at = this.sorted.indexOf(member.name); // a case-insensitive tie: never between two members
		}
		if (at >= 0) {
			this.sorted.remove(at);
		}
		this.names = List.copyOf(this.sorted);
		this.ids.remove(member.name);
		return member.name;
	}

	boolean hasMember(String nameKey) {
		return this.members.containsKey(nameKey);
	}

	/** Whether {@code clientId} holds the name here now. */
	boolean isHeldBy(String nameKey, String clientId) {
		Member member = this.members.get(nameKey);
		return member != null && member.clientId.equals(clientId);
	}

	List<Resident> residents() {
		List<Resident> residents = new ArrayList<>(this.members.size());
		this.members.values().forEach((member) -> residents.add(new Resident(member.name, member.clientId)));
		return residents;
	}

	String nameOf(String nameKey) {
		Member member = this.members.get(nameKey);
		return (member != null) ? member.name : null;
	}

	/** The members' names, sorted case-insensitively; safe to call without the room's lock. */
	List<String> userNames() {
		return this.names;
	}

	/** The members' public ids by name, as they are now; safe to read without the room's lock. */
	Map<String, String> idsByName() {
		return this.idsView;
	}

	/** A connection's admission: the name it now speaks under, and whether the user is new here. */
	record Admission(String name, boolean newcomer) {
	}

	private static final class Member {

		private final String name;

		private final String clientId;

		private final Set<String> connections = new HashSet<>(2);

		Member(String name, String clientId) {
			this.name = name;
			this.clientId = clientId;
		}

	}

}
