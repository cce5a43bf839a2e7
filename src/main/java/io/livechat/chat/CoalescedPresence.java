package io.livechat.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * Presence snapshots (a room's {@code users} list, the lobby's {@code rooms} counts) at most once
 * per interval per room, always the newest: the first change after a quiet interval goes out at
 * once, the changes during the next interval become one snapshot at its end. When 1,000 people
 * join a room at once, the room gets a few lists instead of 1,000 lists of up to 1,000 names.
 * Each list goes out with who joined and who left since the room's previous list (the first
 * compares with an empty room), so one list per interval carries every arrival and departure
 * of a storm. A list costs its room's size to every one of its people, so a room of more than
 * {@value #PEOPLE_PER_INTERVAL} people waits one interval per {@value #PEOPLE_PER_INTERVAL}
 * people (1.5 intervals at 1,500, five at 5,000): the bytes its lists cost per second then grow
 * with the room, not with its square. Every other event passes straight through, in order.
 * <p>
 * Every list is sent from the scheduler's thread (one thread), never from the caller's: an offer
 * comes from under a room's lock, and reading a list afresh (by {@code fresh}, from Redis in a
 * cluster) is I/O that must not happen there. A list is a snapshot, and where it falls among the
 * room's other events may differ from one recipient to another. Lists never overtake one
 * another, and each is read afresh when it is sent, with no lock held, so the last one sent is
 * the state at that moment, whichever change (here, or on another node) asked for it.
 */
public final class CoalescedPresence implements ChatEvents {

	private static final String LOBBY = "";

	/** Up to this many people in a room, its lists go out once per interval at most. */
	static final int PEOPLE_PER_INTERVAL = 1000;

	private final ChatEvents events;

	private final ScheduledExecutorService scheduler;

	private final long intervalNanos;

	private final LongSupplier nanoClock;

	private final UnaryOperator<ChatEvent> fresh;

	private final Map<String, Snapshots> rooms = new ConcurrentHashMap<>();

	/** Sends the snapshots as offered. */
	public CoalescedPresence(ChatEvents events, ScheduledExecutorService scheduler, Duration interval,
			LongSupplier nanoClock) {
		this(events, scheduler, interval, nanoClock, UnaryOperator.identity());
	}

	/**
	 * @param scheduler where every snapshot is sent from: one thread, so that they never
	 * overtake one another
	 * @param fresh the snapshot to send in place of the newest one offered: the state as it is
	 * when it goes out (it must not take a room's lock)
	 */
	public CoalescedPresence(ChatEvents events, ScheduledExecutorService scheduler, Duration interval,
			LongSupplier nanoClock, UnaryOperator<ChatEvent> fresh) {
		this.events = events;
		this.scheduler = scheduler;
		this.intervalNanos = interval.toNanos();
		this.nanoClock = nanoClock;
		this.fresh = fresh;
	}

	@Override
	public void toRoom(String roomId, ChatEvent event) {
		if (event instanceof UsersEvent users) {
			snapshots(roomId).offer(users);
		}
		else {
			this.events.toRoom(roomId, event);
		}
	}

	@Override
	public void toConnection(String connectionId, ChatEvent event) {
		this.events.toConnection(connectionId, event);
	}

	@Override
	public void toLobby(RoomsEvent event) {
		snapshots(LOBBY).offer(event);
	}

	/** The least time from one snapshot to the next: longer for a bigger room. */
	long intervalFor(ChatEvent snapshot) {
		int people = (snapshot instanceof UsersEvent users) ? users.users().size() : 0;
		return (people <= PEOPLE_PER_INTERVAL) ? this.intervalNanos
				: (long) (this.intervalNanos * ((double) people / PEOPLE_PER_INTERVAL));
	}

	private Snapshots snapshots(String key) {
		return this.rooms.computeIfAbsent(key, Snapshots::new);
	}

	private void send(String key, ChatEvent snapshot) {
		if (snapshot instanceof RoomsEvent rooms) {
			this.events.toLobby(rooms);
		}
		else {
			this.events.toRoom(key, snapshot);
		}
	}

	/**
	 * One room's pending snapshot. Flushes run on the scheduler's one thread, so they never
	 * overtake each other; the monitor guards the pending snapshot and the previous list.
	 */
	private final class Snapshots {

		private final String key;

		private ChatEvent pending;

		/** The users in the list sent last (a room's key only). */
		private List<String> lastUsers = List.of();

		private boolean scheduled;

		private long lastSent = CoalescedPresence.this.nanoClock.getAsLong() - CoalescedPresence.this.intervalNanos;

		Snapshots(String key) {
			this.key = key;
		}

		synchronized void offer(ChatEvent snapshot) {
			this.pending = snapshot;
			if (this.scheduled) {
				return;
			}
			long wait = this.lastSent + intervalFor(snapshot) - CoalescedPresence.this.nanoClock.getAsLong();
			try {
				CoalescedPresence.this.scheduler.schedule(this::flush, Math.max(wait, 0), TimeUnit.NANOSECONDS);
				this.scheduled = true;
			}
			catch (RejectedExecutionException ex) {
				// shutting down: nobody is left to tell
			}
		}

		void flush() {
			ChatEvent latest;
			synchronized (this) {
				latest = this.pending;
				this.pending = null;
				this.scheduled = false;
				if (latest == null) {
					return;
				}
				this.lastSent = CoalescedPresence.this.nanoClock.getAsLong();
			}
			ChatEvent current = CoalescedPresence.this.fresh.apply(latest); // may be I/O: no lock held
			if (current instanceof UsersEvent users) {
				synchronized (this) {
					current = users.since(this.lastUsers);
					this.lastUsers = users.users();
				}
			}
			send(this.key, current);
		}

	}

}
