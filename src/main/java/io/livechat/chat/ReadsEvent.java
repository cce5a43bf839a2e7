package io.livechat.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * The read positions that moved in a room since its previous {@code reads} event, each person
 * once with their newest: for the room's members who share their receipts.
 */
@JsonTypeName("reads")
public record ReadsEvent(String room, List<ReadPosition> reads) implements ChatEvent {

	public ReadsEvent {
		reads = List.copyOf(reads);
	}

}
