package io.livechat.broker;

/** Told of every event the broker hands to its subscribers. */
@FunctionalInterface
public interface BroadcastObserver {

	/**
	 * @param destination where it went
	 * @param nanos how long queueing it for every recipient took
	 * @param recipients how many connections it was queued for
	 */
	void broadcast(String destination, long nanos, int recipients);

}
