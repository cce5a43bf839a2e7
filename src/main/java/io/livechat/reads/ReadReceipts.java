package io.livechat.reads;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

import io.livechat.chat.ChatEvents;
import io.livechat.chat.ChatException;
import io.livechat.chat.ErrorCode;
import io.livechat.chat.ReadPosition;
import io.livechat.chat.ReadPositions;
import io.livechat.chat.ReadsEvent;
import io.livechat.people.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who has seen what: each person's read position per room, kept per person (every tab and
 * every node agree), moved forward by {@code /app/read}; the rooms' {@code reads} events and each
 * connection's {@code unread} counts, coalesced to one round per interval, never one event per
 * read, a big room's events paced by its size ({@link ReadsPace}); and the person's choice to
 * share receipts or not (not sharing, they see nobody's).
 * <p>
 * Everything a room's lock or a command waits for is in memory: the positions and settings are
 * loaded at start and written behind ({@link ReadPositionStore#advance}); other nodes' reads
 * arrive through {@link #advancedElsewhere}. Only {@link #setReceipts} waits for the store, with
 * no lock held.
 */
public class ReadReceipts implements ReadPositions {

	private static final Logger logger = LoggerFactory.getLogger(ReadReceipts.class);

	/** Positions of a room loaded at start, the most advanced first: the bound on what a node holds. */
	static final int LOADED_PER_ROOM = 100_000;

	private final List<String> roomIds;

	private final Map<String, RoomPositions> rooms = new LinkedHashMap<>();

	private final ReadPositionStore store;

	private final NewestIds newest;

	private final Function<String, List<Person>> members;

	private final ChatEvents events;

	private final ReceiptAudience audience;

	private final ReadNotices notices;

	private final Set<String> receiptsOff = ConcurrentHashMap.newKeySet();

	/** This node's connections that are in a room, by connection id. */
	private final Map<String, Reader> readers = new ConcurrentHashMap<>();

	private final UnreadCounts unread;

	private final ReadsPace pace;

	private final LongSupplier nanoTime;

	/**
	 * @param members everyone in a room as this node knows without I/O, with their ids
	 * @param events this node's connections (not the other nodes': they run their own rounds)
	 * @param pace the time between rounds, and between a room's events
	 * @param nanoTime the clock that paces the rooms' events ({@link System#nanoTime})
	 */
	public ReadReceipts(List<String> roomIds, ReadPositionStore store, NewestIds newest,
			Function<String, List<Person>> members, ChatEvents events, ReceiptAudience audience, ReadNotices notices,
			ReadsPace pace, LongSupplier nanoTime) {
		this.roomIds = List.copyOf(roomIds);
		this.roomIds.forEach((roomId) -> this.rooms.put(roomId, new RoomPositions()));
		this.store = store;
		this.newest = newest;
		this.members = members;
		this.events = events;
		this.audience = audience;
		this.notices = notices;
		this.unread = new UnreadCounts(this.roomIds, newest, events);
		this.pace = pace;
		this.nanoTime = nanoTime;
	}

	/** Loads what the store keeps (I/O: at start), then runs a round every {@code pace.shortest()}. */
	public void start(ScheduledExecutorService scheduler) {
		load();
		long every = this.pace.shortest().toNanos();
		scheduler.scheduleWithFixedDelay(this::round, every, every, TimeUnit.NANOSECONDS);
	}

	/** Loads the kept positions and settings, and each room's newest id (I/O). */
	void load() {
		try {
			this.receiptsOff.addAll(this.store.receiptsOff());
			this.rooms.forEach((roomId, positions) -> positions.load(this.store.positionsIn(roomId, LOADED_PER_ROOM)));
		}
		catch (ChatException ex) {
			logger.warn("Could not load the read positions; they start from the next reads: {}", ex.getMessage());
		}
		this.newest.load(this.roomIds);
		this.unread.load();
	}

	@Override
	public Seen entered(String connectionId, String person, String roomId, List<Person> members) {
		this.readers.put(connectionId, new Reader(person, roomId, this.rooms, this.newest));
		boolean shares = !this.receiptsOff.contains(person);
		this.audience.hears(connectionId, shares ? roomId : null);
		RoomPositions positions = this.rooms.get(roomId);
		long mine = positions.of(person);
		if (!shares) {
			return new Seen(mine, List.of());
		}
		List<ReadPosition> reads = new ArrayList<>();
		for (Person member : members) {
			long lastRead = positions.of(member.id());
			if (lastRead > 0 && !member.id().equals(person) && !this.receiptsOff.contains(member.id())) {
				reads.add(new ReadPosition(member.id(), member.name(), lastRead));
			}
		}
		return new Seen(mine, reads);
	}

	@Override
	public void replied(String connectionId) {
		Reader reader = this.readers.get(connectionId);
		if (reader != null) {
			this.events.toConnection(connectionId, new PreferencesEvent(!this.receiptsOff.contains(reader.person())));
			this.unread.sendAll(connectionId, reader);
		}
	}

	@Override
	public void left(String connectionId) {
		if (this.readers.remove(connectionId) != null) {
			this.audience.hears(connectionId, null);
		}
	}

	/**
	 * The connection's person has seen its room up to {@code id} (at most the room's newest):
	 * forward only; the room and the person's other connections hear it in the next round.
	 */
	public void read(String connectionId, String roomId, long id) {
		Reader reader = this.readers.get(connectionId);
		if (reader == null || !reader.room().equals(roomId)) {
			throw new ChatException(ErrorCode.NOT_JOINED, "You have not joined #" + roomId + ".");
		}
		if (id < 1) {
			throw new ChatException(ErrorCode.BAD_REQUEST, "'id' must be a message id, 1 or more.");
		}
		long lastRead = Math.min(id, this.newest.of(roomId));
		if (lastRead >= 1 && advance(reader.person(), roomId, lastRead)) {
			this.store.advance(reader.person(), roomId, lastRead);
			this.notices.advanced(reader.person(), roomId, lastRead);
		}
	}

	/** Another node moved a position (it has stored it). */
	public void advancedElsewhere(String person, String roomId, long lastRead) {
		if (this.rooms.containsKey(roomId)) {
			advance(person, roomId, lastRead);
		}
	}

	/**
	 * The connection's person shares their receipts (and sees others') or not: stored before
	 * it takes effect; every connection of theirs hears the setting.
	 */
	public void setReceipts(String connectionId, boolean on) {
		Reader reader = this.readers.get(connectionId);
		if (reader == null) {
			throw new ChatException(ErrorCode.NOT_JOINED, "Join a room first: settings need to know who you are.");
		}
		this.store.setReceipts(reader.person(), on); // I/O, no lock held
		receiptsChanged(reader.person(), on);
		this.notices.receiptsChanged(reader.person(), on);
	}

	/** Whether the person shares their read receipts (and so sees others'). */
	public boolean shares(String person) {
		return !this.receiptsOff.contains(person);
	}

	/** Another node stored a person's setting. */
	public void receiptsChangedElsewhere(String person, boolean on) {
		receiptsChanged(person, on);
	}

	private boolean advance(String person, String roomId, long lastRead) {
		RoomPositions positions = this.rooms.get(roomId);
		if (!positions.advance(person, lastRead)) {
			return false;
		}
		if (!this.receiptsOff.contains(person)) {
			positions.changed(person);
		}
		this.unread.moved(person);
		return true;
	}

	private void receiptsChanged(String person, boolean on) {
		boolean changed = on ? this.receiptsOff.remove(person) : this.receiptsOff.add(person);
		this.readers.forEach((connectionId, reader) -> {
			if (reader.person().equals(person)) {
				this.audience.hears(connectionId, on ? reader.room() : null);
				this.events.toConnection(connectionId, new PreferencesEvent(on));
			}
		});
		if (changed) { // shown again, or hidden (a position of 0) in each room they have read
			this.rooms.values().stream().filter((positions) -> positions.of(person) > 0)
					.forEach((positions) -> positions.changed(person));
		}
	}

	/** One round: each room's moved positions (those whose pace allows), then the unread counts that changed. */
	void round() {
		try {
			this.rooms.forEach(this::sendReads);
			this.unread.send(this.readers);
		}
		catch (RuntimeException ex) { // the next round tries again
			logger.warn("A round of read receipts failed", ex);
		}
	}

	private void sendReads(String roomId, RoomPositions positions) {
		if (!positions.anyChanged()) {
			return;
		}
		List<Person> people = this.members.apply(roomId);
		long pace = this.pace.forRoomOf(people.size()).toNanos();
		Set<String> changed = positions.takeChanged(this.nanoTime.getAsLong(), pace);
		if (changed.isEmpty()) {
			return;
		}
		Map<String, String> names = new HashMap<>();
		people.forEach((member) -> names.put(member.id(), member.name()));
		List<ReadPosition> reads = new ArrayList<>();
		for (String person : changed) {
			String name = names.get(person);
			if (name != null) { // only people in the room
				reads.add(new ReadPosition(person, name, this.receiptsOff.contains(person) ? 0 : positions.of(person)));
			}
		}
		if (!reads.isEmpty()) {
			this.events.toRoom(roomId, new ReadsEvent(roomId, reads));
		}
	}

}
