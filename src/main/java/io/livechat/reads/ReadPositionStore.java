package io.livechat.reads;

import java.util.Map;
import java.util.Set;

/**
 * Keeps each person's read position in each room (the highest message id they have seen there)
 * and who turned read receipts off. Thread-safe. A person is a public id; a room is a room id.
 * Reads that cannot reach their storage throw a {@link io.livechat.chat.ChatException} with
 * {@link io.livechat.chat.ErrorCode#UNAVAILABLE}.
 */
public interface ReadPositionStore {

	/**
	 * The positions kept in a room, most advanced first, at most {@code limit}: last read id by
	 * person.
	 */
	Map<String, Long> positionsIn(String roomId, int limit);

	/** One person's positions, last read id by room (rooms never read are absent). */
	Map<String, Long> positionsOf(String person);

	/**
	 * Moves a position forward (an id at or below the kept one changes nothing). May be written
	 * after this returns (a group commit), in call order; a write that fails is logged, never
	 * thrown at the caller.
	 */
	void advance(String person, String roomId, long lastRead);

	/** The people who turned read receipts off. */
	Set<String> receiptsOff();

	/** Remembers the choice before it returns. */
	void setReceipts(String person, boolean on);

}
