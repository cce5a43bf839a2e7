package io.livechat.bench;

/**
 * What one receiver has seen of each sender's numbered messages (1, 2, 3, ...): which are new,
 * which arrive late (after a higher number) and which are repeats. Remembers the last 64
 * numbers of each sender exactly; a message older than that counts as late.
 * <p>
 * Only the receiving connection calls {@link #accept}; the totals may be read by any thread.
 */
final class SequenceTracker {

	enum Receipt {

		/** Higher than anything seen before from its sender. */
		IN_ORDER,

		/** Not seen before, but after a higher number from the same sender. */
		LATE,

		/** Seen before. */
		DUPLICATE,

		/** From a sender this tracker does not know. */
		UNKNOWN

	}

	private static final int WINDOW = Long.SIZE;

	private final long[] highest;

	private final long[] seen;

	private volatile long late;

	private volatile long duplicates;

	SequenceTracker(int senders) {
		this.highest = new long[senders];
		this.seen = new long[senders];
	}

	Receipt accept(int sender, long seq) {
		if (sender < 0 || sender >= this.highest.length || seq < 1) {
			return Receipt.UNKNOWN;
		}
		long top = this.highest[sender];
		if (seq > top) {
			long ahead = seq - top;
			this.seen[sender] = (ahead >= WINDOW) ? 1 : (this.seen[sender] << ahead) | 1;
			this.highest[sender] = seq;
			return Receipt.IN_ORDER;
		}
		long behind = top - seq;
		if (behind < WINDOW) {
			long bit = 1L << behind;
			if ((this.seen[sender] & bit) != 0) {
				this.duplicates = this.duplicates + 1;
				return Receipt.DUPLICATE;
			}
			this.seen[sender] |= bit;
		}
		this.late = this.late + 1;
		return Receipt.LATE;
	}

	long late() {
		return this.late;
	}

	long duplicates() {
		return this.duplicates;
	}

}
