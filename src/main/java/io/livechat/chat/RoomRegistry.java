package io.livechat.chat;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import io.livechat.people.Person;
import io.livechat.people.PublicIds;

/**
 * The rooms, who is in them, and what they say: joins, leaves, messages and typing notices,
 * with the events each one causes.
 * <p>
 * Concurrency: each connection's state is guarded by its own monitor, each room's by the
 * room's; a connection's monitor may be taken before a room's, never the other way round. Room
 * events are handed to {@link ChatEvents} under the room's monitor, so every subscriber sees
 * them in one order. A message is broadcast only once the store has it, and the store reports
 * stored messages in id order, so message ids arrive in order too. Disconnects are idempotent.
 * <p>
 * With other nodes ({@link Presence}), a user's first connection here claims the name in the
 * room cluster-wide, and their last one here releases it; {@code joined}/{@code left} events are
 * sent only when the user is new to the room, or gone from it, everywhere. {@link Admissions}
 * does that without I/O under the room's lock; user lists and room counts are read afresh when
 * they go out, by {@link CoalescedPresence}. Lock order: a connection's monitor, then a name's
 * lock, then a room's.
 * <p>
 * In a room of more than the announce limit's people, nobody's arrival or departure is
 * announced on its own: the room's coalesced {@code users} lists say who joined and who left.
 */
public class RoomRegistry {

	private static final Pattern CLIENT_ID = Pattern.compile("[\\x21-\\x7E]{8,64}");

	private final Map<String, ChatRoom> rooms;

	private final Map<String, Connection> connections = new ConcurrentHashMap<>();

	private final MessageStore store;

	private final ChatEvents events;

	private final Clock clock;

	private final Object lobbyLock = new Object();

	private final Presence presence;

	private final Admissions admissions;

	private final MemberIds memberIds;

	private final ReadPositions reads;

	/** People in a room up to whom each arrival and departure is announced, by default. */
	public static final int DEFAULT_ANNOUNCE_LIMIT = 50;

	/** A node alone. */
	public RoomRegistry(List<Room> rooms, MessageStore store, ChatEvents events, Clock clock) {
		this(rooms, store, events, Presence.LOCAL, clock, DEFAULT_ANNOUNCE_LIMIT);
	}

	/** A node that shares its rooms with others, through {@code presence}. */
	public RoomRegistry(List<Room> rooms, MessageStore store, ChatEvents events, Presence presence, Clock clock) {
		this(rooms, store, events, presence, clock, DEFAULT_ANNOUNCE_LIMIT);
	}

	/**
	 * @param announceLimit in a room of more people than this, arrivals and departures go out in
	 * the user lists only, not one {@code system} event each
	 */
	public RoomRegistry(List<Room> rooms, MessageStore store, ChatEvents events, Presence presence, Clock clock,
			int announceLimit) {
		this(rooms, store, events, presence, clock, announceLimit, Runnable::run);
	}

	/**
	 * @param handOff where a room's stored messages are handed to its subscribers, one room's in
	 * order (on the caller's thread if it runs tasks there): a store that commits on a thread of
	 * its own then never waits for a room's lock
	 */
	public RoomRegistry(List<Room> rooms, MessageStore store, ChatEvents events, Presence presence, Clock clock,
			int announceLimit, Executor handOff) {
		this(rooms, store, presence, clock, announceLimit, handOff, new PublishedMessages(events));
	}

	/**
	 * With several nodes: {@code events} tells the cluster, and {@code published} is what passes
	 * every node's messages on to this node's subscribers, in each room's order (the cluster's
	 * sequencer delivers through it). Public ids under a secret of this registry's own.
	 */
	public RoomRegistry(List<Room> rooms, MessageStore store, ChatEvents events, Presence presence, Clock clock,
			int announceLimit, Executor handOff, PublishedMessages published) {
		this(rooms, store, events, presence, clock, announceLimit, handOff, published, PublicIds.withRandomSecret());
	}

	/**
	 * @param ids the people's public ids, from their client ids (the same on every node and
	 * restart that share the secret)
	 */
	public RoomRegistry(List<Room> rooms, MessageStore store, ChatEvents events, Presence presence, Clock clock,
			int announceLimit, Executor handOff, PublishedMessages published, PublicIds ids) {
		this(rooms, store, events, presence, clock, announceLimit, handOff, published, ids, ReadPositions.NONE);
	}

	/** @param reads told who is in which room, for the read positions of {@code joined} replies */
	public RoomRegistry(List<Room> rooms, MessageStore store, ChatEvents events, Presence presence, Clock clock,
			int announceLimit, Executor handOff, PublishedMessages published, PublicIds ids, ReadPositions reads) {
		Map<String, ChatRoom> byId = new LinkedHashMap<>();
		rooms.forEach((room) -> byId.put(room.id(), new ChatRoom(room, new SerialHandOff(handOff))));
		this.rooms = byId;
		this.store = store;
		this.events = events;
		this.presence = presence;
		this.clock = clock;
		this.memberIds = new MemberIds(ids, presence);
		this.reads = reads;
		this.admissions = new Admissions(store, events, presence, published, this.memberIds, reads, clock,
				announceLimit);
	}

	/** A node alone: its events pass through {@code published} on their way out. */
	private RoomRegistry(List<Room> rooms, MessageStore store, Presence presence, Clock clock, int announceLimit,
			Executor handOff, PublishedMessages published) {
		this(rooms, store, published, presence, clock, announceLimit, handOff, published);
	}

	/** Registers a new connection; only registered connections can join. */
	public void connect(String connectionId) {
		this.connections.putIfAbsent(connectionId, new Connection());
	}

	/**
	 * Joins a room (leaving the connection's previous one). Whether the connection is in it now
	 * (false when the connection closed meanwhile).
	 */
	public boolean join(String connectionId, String rawUsername, String clientId, String roomId, Long since) {
		if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
			throw new ChatException(ErrorCode.BAD_REQUEST, "clientId must be 8-64 visible ASCII characters.");
		}
		Username name = Username.parse(rawUsername);
		ChatRoom room = room(roomId);
		Connection connection = this.connections.get(connectionId);
		if (connection == null) {
			return false; // closed while this join was on its way
		}
		synchronized (connection) {
			if (connection.closed) {
				return false; // disconnected while this join waited for the monitor
			}
			if (connection.isMember(roomId, name, clientId)) {
				this.admissions.joinedAgain(connectionId, room, name, clientId, since);
				return true;
			}
			synchronized (room) {
				if (!room.isAvailable(name, clientId)) {
					throw Admissions.nameTaken(name, room);
				}
			}
			leaveCurrentRoom(connectionId, connection);
			if (this.admissions.admit(connectionId, connection, room, name, clientId, since)) {
				publishLobby();
			}
			return true;
		}
	}

	public void leave(String connectionId, String roomId) {
		Connection connection = joinedConnection(connectionId, roomId);
		synchronized (connection) {
			if (!roomId.equals(connection.roomId)) {
				throw notJoined(roomId);
			}
			leaveCurrentRoom(connectionId, connection);
		}
	}

	/**
	 * Stores a message and, once it is stored, broadcasts it to the room; if it cannot be
	 * stored, the sender gets an error event and nothing is broadcast. Either may happen after
	 * this returns (the store may wait to commit several messages at once).
	 */
	public void send(String connectionId, String roomId, String rawText) {
		send(connectionId, roomId, rawText, null, null);
	}

	/**
	 * As {@link #send(String, String, String)}, with a picture claimed for this room (the text is
	 * then its caption, perhaps empty), or none ({@code image} null); and with the client's id for
	 * the message, or none. With an id, the connection hears an {@link AckEvent} once the message
	 * is stored (after the room hears the message), and a resend of a message stored before is
	 * not stored again: only the acknowledgement goes out, naming the id it was stored under.
	 * Refusals name the client's id.
	 */
	public void send(String connectionId, String roomId, String rawText, MessageImage image, String clientMsgId) {
		Connection connection = joinedConnection(connectionId, roomId);
		String text = (image != null) ? MessageText.caption(rawText) : MessageText.parse(rawText);
		ChatRoom room = room(roomId);
		synchronized (connection) {
			if (!roomId.equals(connection.roomId)) {
				throw notJoined(roomId);
			}
			ClientMessageId clientId = (clientMsgId != null)
					? new ClientMessageId(this.memberIds.of(connection.clientId), clientMsgId) : null;
			NewMessage message = new NewMessage(roomId, room.nameOf(connection.nameKey), text, image, now(), clientId);
			synchronized (room) {
				this.store.append(message, new Appended() {
					@Override
					public void stored(ChatMessage stored) { // on the store's writer: never waits for the room
						room.handOff().execute(() -> {
							synchronized (room) {
								RoomRegistry.this.events.toRoom(roomId, stored);
								if (clientMsgId != null) {
									RoomRegistry.this.events.toConnection(connectionId,
											AckEvent.inRoom(clientMsgId, stored.id(), roomId));
								}
							}
						});
					}

					@Override
					public void alreadyStored(long id) {
						RoomRegistry.this.events.toConnection(connectionId, AckEvent.inRoom(clientMsgId, id, roomId));
					}

					@Override
					public void failed(ChatException reason) {
						RoomRegistry.this.events.toConnection(connectionId, reason.about(clientMsgId).toEvent());
					}
				});
			}
		}
	}

	/** The clientId the connection joined {@code roomId} with. */
	public String clientIdIn(String connectionId, String roomId) {
		Connection connection = joinedConnection(connectionId, roomId);
		synchronized (connection) {
			if (!roomId.equals(connection.roomId)) {
				throw notJoined(roomId);
			}
			return connection.clientId;
		}
	}

	public void typing(String connectionId, String roomId, boolean typing) {
		Connection connection = joinedConnection(connectionId, roomId);
		ChatRoom room = room(roomId);
		synchronized (connection) {
			if (!roomId.equals(connection.roomId)) {
				throw notJoined(roomId);
			}
			synchronized (room) {
				this.events.toRoom(roomId, new TypingEvent(roomId, room.nameOf(connection.nameKey), typing));
			}
		}
	}

	/** A connection ended, cleanly or not: a leave. Safe to call more than once. */
	public void disconnect(String connectionId) {
		Connection connection = this.connections.remove(connectionId);
		if (connection == null) {
			return;
		}
		synchronized (connection) {
			connection.closed = true;
			leaveCurrentRoom(connectionId, connection);
		}
	}

	/** Each room with its number of users (on every node). */
	public List<RoomSummary> summaries() {
		return this.rooms.values().stream().map((room) -> {
			RoomSummary here = room.summary();
			return new RoomSummary(here.id(), here.name(), this.presence.count(here.id(), here.users()));
		}).toList();
	}

	/**
	 * What a snapshot event (a room's {@code users}, the lobby's {@code rooms}) says now, in
	 * place of an older one; any other event as it is. A room's list comes with everyone's public
	 * ids, for {@link UsersEvent#since} to keep those of who came. Takes no lock.
	 */
	public ChatEvent current(ChatEvent snapshot) {
		if (snapshot instanceof UsersEvent users) {
			ChatRoom room = room(users.room());
			List<String> names = usersOf(room);
			return new UsersEvent(room.id(), names, List.of(), List.of(), this.memberIds.members(room, names));
		}
		if (snapshot instanceof RoomsEvent) {
			return new RoomsEvent(summaries());
		}
		return snapshot;
	}

	/**
	 * Everyone in the room as this node knows without I/O (its own users, the other nodes' as
	 * last read), with their public ids. Takes no lock.
	 */
	public List<Person> members(String roomId) {
		ChatRoom room = room(roomId);
		return this.memberIds.members(room, this.presence.known(room.id(), room.userNames()));
	}

	/** The users in a room (on every node), sorted. Takes no lock. */
	public List<String> users(String roomId) {
		return usersOf(room(roomId));
	}

	/**
	 * Hands each user connected to this node in a room (with their client id) to {@code action},
	 * under that user's name lock, not the room's (the action may claim them in Redis): the user
	 * neither leaves nor joins meanwhile (so that no one who leaves during a resynchronisation is
	 * claimed again), and one who left before their turn is skipped.
	 */
	public void forEachResident(String roomId, Consumer<Resident> action) {
		this.admissions.forEachResident(room(roomId), action);
	}

	/**
	 * Runs {@code action} under the room's lock, as the room's own events are sent: for events
	 * from elsewhere (another node's messages) that must not fall between a join's history and
	 * its reply. The action must not block.
	 */
	public void exclusively(String roomId, Runnable action) {
		ChatRoom room = room(roomId);
		synchronized (room) {
			action.run();
		}
	}

	/** The room ids, in display order. */
	public List<String> roomIds() {
		return List.copyOf(this.rooms.keySet());
	}

	public boolean isRoom(String roomId) {
		return this.rooms.containsKey(roomId);
	}

	int connectionCount() {
		return this.connections.size();
	}

	private List<String> usersOf(ChatRoom room) {
		return this.presence.users(room.id(), room.userNames());
	}

	private void leaveCurrentRoom(String connectionId, Connection connection) {
		if (connection.roomId == null) {
			return;
		}
		ChatRoom room = this.rooms.get(connection.roomId);
		this.reads.left(connectionId);
		boolean left = this.admissions.release(connectionId, room, connection.nameKey);
		connection.exit();
		if (left) {
			publishLobby();
		}
	}

	/**
	 * Says the room counts changed, with this node's own counts: the coalescer sends them read
	 * afresh, every node's ({@link #current}), outside any lock. Under one lock, so the last list
	 * offered is always the current one.
	 */
	private void publishLobby() {
		synchronized (this.lobbyLock) {
			this.events.toLobby(new RoomsEvent(this.rooms.values().stream().map(ChatRoom::summary).toList()));
		}
	}

	/** The connection, whose room the caller checks under its monitor. */
	private Connection joinedConnection(String connectionId, String roomId) {
		Connection connection = this.connections.get(connectionId);
		if (connection == null || roomId == null) {
			throw notJoined(roomId);
		}
		return connection;
	}

	private ChatRoom room(String roomId) {
		ChatRoom room = (roomId != null) ? this.rooms.get(roomId) : null;
		if (room == null) {
			throw new ChatException(ErrorCode.UNKNOWN_ROOM, "There is no room '" + roomId + "'.");
		}
		return room;
	}

	private long now() {
		return this.clock.millis();
	}

	private static ChatException notJoined(String roomId) {
		return new ChatException(ErrorCode.NOT_JOINED, "You have not joined #" + roomId + ".");
	}

}
