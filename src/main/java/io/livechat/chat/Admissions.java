package io.livechat.chat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.livechat.people.Person;

/**
 * Who enters and leaves a room, for {@link RoomRegistry}: the name claimed or released through
 * {@link Presence}, the admission, the {@code joined} reply with its history, and the
 * announcements.
 * <p>
 * Claims, releases and history reads are I/O (Redis, the database): they happen under the lock
 * of that name in that room ({@link NameLocks}), between the room's critical sections, so a
 * join waiting for them holds up nobody else. Under the room's lock only what the node knows
 * without I/O is read: the users ({@link Presence#known}) and the messages published since the
 * history was read ({@link PublishedMessages}). Lock order: a connection's monitor, then a
 * name's lock, then a room's.
 */
final class Admissions {

	private final MessageStore store;

	private final ChatEvents events;

	private final Presence presence;

	private final PublishedMessages published;

	private final MemberIds memberIds;

	private final ReadPositions reads;

	private final Clock clock;

	private final int announceLimit;

	private final NameLocks names = new NameLocks();

	Admissions(MessageStore store, ChatEvents events, Presence presence, PublishedMessages published,
			MemberIds memberIds, ReadPositions reads, Clock clock, int announceLimit) {
		this.store = store;
		this.reads = reads;
		this.events = events;
		this.presence = presence;
		this.published = published;
		this.memberIds = memberIds;
		this.clock = clock;
		this.announceLimit = announceLimit;
	}

	/**
	 * Admits a connection (not in the room yet) under its name's lock: nobody else joins or
	 * leaves under this name in this room meanwhile. Whether the user is new to the room.
	 */
	boolean admit(String connectionId, Connection connection, ChatRoom room, Username name, String clientId,
			Long since) {
		return this.names.with(room.id(), name.key(),
				() -> admitAsName(connectionId, connection, room, name, clientId, since));
	}

	/** A connection already in the room asked to join it again: the same reply, nothing announced. */
	void joinedAgain(String connectionId, ChatRoom room, Username name, String clientId, Long since) {
		History read = history(room, since);
		synchronized (room) {
			sendJoined(connectionId, room, room.nameOf(name.key()), clientId, completed(room, read, since),
					knownUsers(room));
		}
	}

	/** The connection leaves its room under its name's lock; whether the user left the room everywhere. */
	boolean release(String connectionId, ChatRoom room, String nameKey) {
		return this.names.with(room.id(), nameKey, () -> releaseAsName(connectionId, room, nameKey));
	}

	/**
	 * Runs {@code action} for each user connected here in the room, under that user's name lock
	 * (not the room's, so the action may do I/O): the user neither leaves nor joins meanwhile, and
	 * one who left before their turn is skipped.
	 */
	void forEachResident(ChatRoom room, Consumer<Resident> action) {
		List<Resident> residents;
		synchronized (room) {
			residents = new ArrayList<>(room.residents());
		}
		for (Resident resident : residents) {
			String key = Username.accepted(resident.name()).key();
			this.names.with(room.id(), key, () -> {
				boolean still;
				synchronized (room) {
					still = room.isHeldBy(key, resident.clientId());
				}
				if (still) {
					action.accept(resident);
				}
				return null;
			});
		}
	}

	private boolean admitAsName(String connectionId, Connection connection, ChatRoom room, Username name,
			String clientId, Long since) {
		// Read first, without the room's lock: if the history cannot be read, the join fails before
		// anyone is told of it; under the lock it gains what was published meanwhile
		History read = history(room, since);
		boolean anotherTab;
		synchronized (room) {
			if (!room.isAvailable(name, clientId)) {
				throw nameTaken(name, room);
			}
			anotherTab = room.hasMember(name.key()); // another tab of this user, on this node
		}
		Presence.Claim claim = null;
		if (!anotherTab) { // the user's first connection here: the room may know them from other nodes
			claim = this.presence.claim(room.id(), name, clientId); // I/O: outside the room's lock
			if (!claim.granted()) {
				throw nameTaken(name, room);
			}
		}
		boolean newcomer = claim != null && claim.newcomer();
		ChatException refused;
		synchronized (room) {
			refused = admitted(connectionId, connection, room, anotherTab ? name : Username.accepted(claim.name()),
					clientId, read, since, newcomer);
			if (refused == null) {
				return newcomer;
			}
		}
		if (claim != null) { // outside the room's lock: I/O
			this.presence.release(room.id(), name.key());
		}
		throw refused;
	}

	/**
	 * Under the room's lock: admits, replies and, for a newcomer, announces them (the reply's
	 * list serves both); or why not (nothing changed).
	 */
	private ChatException admitted(String connectionId, Connection connection, ChatRoom room, Username name,
			String clientId, History read, Long since, boolean newcomer) {
		History history;
		try {
			history = completed(room, read, since);
		}
		catch (ChatException ex) {
			return ex;
		}
		ChatRoom.Admission admission = room.admit(name, clientId, this.memberIds.of(clientId), connectionId);
		if (admission == null) { // not after the checks under this name's lock; never assumed
			return nameTaken(name, room);
		}
		connection.enter(room.id(), name, clientId);
		List<String> users = knownUsers(room);
		sendJoined(connectionId, room, admission.name(), clientId, history, users);
		if (newcomer) {
			announce(room, SystemEvent.joined(room.id(), admission.name(), now()), users, 0);
		}
		return null;
	}

	private boolean releaseAsName(String connectionId, ChatRoom room, String nameKey) {
		String gone;
		synchronized (room) {
			gone = room.release(nameKey, connectionId);
		}
		if (gone == null || !this.presence.release(room.id(), nameKey)) { // I/O: outside the room's lock
			return false;
		}
		synchronized (room) {
			announce(room, SystemEvent.left(room.id(), gone, now()), knownUsers(room), 1); // the room had them too
		}
		return true;
	}

	/**
	 * Under the room's lock: the system event while the room is within the announce limit
	 * ({@code more} people than {@code users} being the size that counts), and the changed list.
	 */
	private void announce(ChatRoom room, SystemEvent event, List<String> users, int more) {
		if (users.size() + more <= this.announceLimit) {
			this.events.toRoom(room.id(), event);
		}
		this.events.toRoom(room.id(), new UsersEvent(room.id(), users));
	}

	private History history(ChatRoom room, Long since) {
		return this.store.after(room.id(), (since != null) ? since : 0, MessageStore.HISTORY_LIMIT);
	}

	/**
	 * Under the room's lock: a history read without it, with what the room published since, so
	 * every message published before the reply is in it and a client may start afresh from it.
	 * When more were published meanwhile than the record keeps, read again, here (a room that
	 * publishes some fifty messages during one read).
	 */
	private History completed(ChatRoom room, History read, Long since) {
		History completed = this.published.completed(room.id(), read, (since != null) ? since : 0);
		return (completed != null) ? completed : history(room, since);
	}

	/** Under the room's lock: the reply, with the read positions, and what follows it. */
	private void sendJoined(String connectionId, ChatRoom room, String name, String clientId, History history,
			List<String> users) {
		String me = this.memberIds.of(clientId);
		List<Person> members = this.memberIds.members(room, users);
		ReadPositions.Seen seen = this.reads.entered(connectionId, me, room.id(), members);
		this.events.toConnection(connectionId, new JoinedEvent(room.id(), name, me, history.messages(), users, members,
				history.truncated(), seen.lastRead(), seen.reads()));
		this.reads.replied(connectionId);
	}

	/** Under the room's lock: everyone in the room as this node knows without I/O. */
	private List<String> knownUsers(ChatRoom room) {
		return this.presence.known(room.id(), room.userNames());
	}

	private long now() {
		return this.clock.millis();
	}

	static ChatException nameTaken(Username name, ChatRoom room) {
		return new ChatException(ErrorCode.USERNAME_TAKEN,
				"The name '" + name.value() + "' is already in use in #" + room.id() + ".");
	}

}
