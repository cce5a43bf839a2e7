package io.livechat.chat;

/**
 * Where the chat's events go: the seam between the room logic and the transport that delivers
 * them. The registry calls it while holding the room's lock, so events of one room are handed
 * over in the order they happened; an implementation must keep that order and must not block.
 */
public interface ChatEvents {

	/** To every connection subscribed to the room. */
	void toRoom(String roomId, ChatEvent event);

	/** To one connection only. */
	void toConnection(String connectionId, ChatEvent event);

	/** To everyone watching the room list. */
	void toLobby(RoomsEvent event);

}
