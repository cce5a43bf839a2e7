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
 * of a storm.
 * <p>
 * A list costs its room's size to every one of its people, its square in all. So a room of more
 * than {@value #PEOPLE_PER_INTERVAL} people waits longer: one interval per
 * {@value #PEOPLE_PER_INTERVAL} people before its next list ({@link #quietFor}: 1.25 intervals
 * at 1,250, five at 5,000), and while it keeps changing, the square of that
 * ({@link #longestFor}: four intervals at 2,000, at most {@value #MOST_INTERVALS}) unless it
 * has stayed unchanged for the shorter wait. A storm into a big room then costs a few lists of
 * the whole room, and its last list still goes out one short wait after the last arrival.
 * Every other event passes straight through, in order.
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

	/** The longest a changing room waits for its next list, in intervals. */
	static final int MOST_INTERVALS = 20;

	private final ChatEvents events;

	private final ScheduledExecutorService scheduler;

	private final long intervalNanos;

	private final LongSupplier nanoClock;

	private final UnaryOperator<ChatEvent> fresh;

	/** Whether a bigger room waits longer (lists cost their room's size to each of its people). */
	private final boolean pacedByRoomSize;

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
		this(events, scheduler, interval, nanoClock, fresh, true);
	}

	private CoalescedPresence(ChatEvents events, ScheduledExecutorService scheduler, Duration interval,
			LongSupplier nanoClock, UnaryOperator<ChatEvent> fresh, boolean pacedByRoomSize) {
		this.events = events;
		this.scheduler = scheduler;
		this.intervalNanos = interval.toNanos();
		this.nanoClock = nanoClock;
		this.fresh = fresh;
		this.pacedByRoomSize = pacedByRoomSize;
	}

	/**
	 * Snapshots at most once per interval whatever the room's size: for what costs the same for
	 * any room, such as a notice to the other nodes that a list changed (each of them then paces
	 * its own lists by the room's size; pacing the notices too would add one wait to the other).
	 */
	public static CoalescedPresence everyInterval(ChatEvents events, ScheduledExecutorService scheduler,
			Duration interval, LongSupplier nanoClock) {
		return new CoalescedPresence(events, scheduler, interval, nanoClock, UnaryOperator.identity(), false);
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

	/**
	 * The least time from one snapshot to the next, and how long a room must stay unchanged for
	 * its list to go out then: longer for a bigger room, in proportion.
	 */
	long quietFor(ChatEvent snapshot) {
		return (long) (this.intervalNanos * intervalsPerPeople(snapshot));
	}

	/** The longest a room that keeps changing waits from one list to the next. */
	long longestFor(ChatEvent snapshot) {
		double intervals = intervalsPerPeople(snapshot);
		return (long) (this.intervalNanos * Math.min(intervals * intervals, MOST_INTERVALS));
	}

	private double intervalsPerPeople(ChatEvent snapshot) {
		int people = (this.pacedByRoomSize && snapshot instanceof UsersEvent users) ? users.users().size() : 0;
		return Math.max(1, (double) people / PEOPLE_PER_INTERVAL);
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
	 * overtake each other; the monitor guards the pending snapshot, the times and the previous
	 * list.
	 */
	private final class Snapshots {

		private final String key;

		private ChatEvent pending;

		/** The users in the list sent last (a room's key only). */
		private List<String> lastUsers = List.of();

		private boolean scheduled;

		/** Long enough ago for a first list to go out at once, however big the room. */
		private long lastSent = CoalescedPresence.this.nanoClock.getAsLong()
				- (MOST_INTERVALS + 1) * CoalescedPresence.this.intervalNanos;

		/** When the newest snapshot was offered. */
		private long lastChange;

		Snapshots(String key) {
			this.key = key;
		}

		synchronized void offer(ChatEvent snapshot) {
			this.pending = snapshot;
			this.lastChange = CoalescedPresence.this.nanoClock.getAsLong();
			if (!this.scheduled) {
				schedule(this.lastChange);
			}
		}

		/** Schedules the next flush when the pending snapshot is due; call with the monitor held. */
		private void schedule(long now) {
			try {
				CoalescedPresence.this.scheduler.schedule(this::flush, Math.max(dueAt() - now, 0), TimeUnit.NANOSECONDS);
				this.scheduled = true;
			}
			catch (RejectedExecutionException ex) {
				// shutting down: nobody is left to tell
				this.scheduled = false;
			}
		}

		/**
		 * Not before one short wait after the previous list; then once the room has stayed
		 * unchanged for that wait, or at the latest the longest wait after the previous list.
		 */
		private long dueAt() {
			long quiet = quietFor(this.pending);
			long earliest = this.lastSent + quiet;
			long settled = this.lastChange + quiet;
			long latest = this.lastSent + longestFor(this.pending);
			return Math.max(earliest, Math.min(settled, latest));
		}

		void flush() {
			ChatEvent latest;
			synchronized (this) {
				if (this.pending == null) {
					this.scheduled = false;
					return;
				}
				long now = CoalescedPresence.this.nanoClock.getAsLong();
				if (dueAt() - now > 0) { // the room changed again meanwhile: wait on
					schedule(now);
					return;
				}
				latest = this.pending;
				this.pending = null;
				this.scheduled = false;
				this.lastSent = now;
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
