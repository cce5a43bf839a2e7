package io.livechat.reads;

/**
 * Who receives a room's {@code reads} events: the transport lets a connection into one room's
 * audience at a time. Must not block.
 */
@FunctionalInterface
public interface ReceiptAudience {

	/** From now on the connection hears the reads of {@code roomId} only (null: of no room). */
	void hears(String connectionId, String roomId);

}
