package io.livechat.chat;

import java.util.List;

import io.livechat.people.Person;

/**
 * Where the rooms tell who reads them (package {@code reads}): which connection is in which
 * room as whom, and what a {@code joined} reply says of read positions. Every call is made with
 * a room's or a connection's lock held: an implementation answers from memory, does no I/O and
 * does not block. {@link #NONE} keeps no positions.
 */
public interface ReadPositions {

	/** No positions: every {@code joined} reply says 0 and nobody. */
	ReadPositions NONE = new ReadPositions() {

		@Override
		public Seen entered(String connectionId, String person, String roomId, List<Person> members) {
			return Seen.NOTHING;
		}

		@Override
		public void replied(String connectionId) {
		}

		@Override
		public void left(String connectionId) {
		}

	};

	/**
	 * Under the room's lock, before its {@code joined} reply: the connection is in the room as
	 * {@code person} now (a join, or the same join again), and hears the room's {@code reads}
	 * from here on. What the reply says: the person's own position and the others' in
	 * {@code members} (everyone in the room, with their public ids).
	 */
	Seen entered(String connectionId, String person, String roomId, List<Person> members);

	/** Under the room's lock, just after the {@code joined} reply: what follows it (unread counts). */
	void replied(String connectionId);

	/** The connection is in no room any more (it left, went to another room, or closed). */
	void left(String connectionId);

	/**
	 * @param lastRead the joining person's own position in the room (0: none)
	 * @param reads the others' positions that they share
	 */
	record Seen(long lastRead, List<ReadPosition> reads) {

		public static final Seen NOTHING = new Seen(0, List.of());

		public Seen {
			reads = List.copyOf(reads);
		}

	}

}
