package io.livechat.chat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One lock per name in a room, made when first needed and dropped when nobody holds or waits
 * for it: a user's joins and leaves in a room happen one at a time, with the presence calls
 * (Redis, in a cluster) between the room's own critical sections, not inside them. Nobody but
 * the same name in the same room ever waits on one of these locks.
 */
final class NameLocks {

	private final Map<Key, Lock> locks = new ConcurrentHashMap<>();

	/** Runs {@code action} holding the lock of {@code nameKey} in {@code roomId}. */
	<T> T with(String roomId, String nameKey, Supplier<T> action) {
		Key key = new Key(roomId, nameKey);
		Lock lock = this.locks.compute(key, (k, held) -> {
			Lock taken = (held != null) ? held : new Lock();
			taken.users++;
			return taken;
		});
		try {
			synchronized (lock) {
				return action.get();
			}
		}
		finally {
			this.locks.computeIfPresent(key, (k, held) -> (--held.users == 0) ? null : held);
		}
	}

	/** How many names have a lock now: none when nobody joins or leaves. */
	int size() {
		return this.locks.size();
	}

	private record Key(String roomId, String nameKey) {
	}

	private static final class Lock {

		/** Holders and waiters; changed only inside the map's compute functions. */
		private int users;

	}

}
