package io.livechat.broker;

/** Where an outbox with frames (or a close) waiting goes, to be drained by a writer. */
@FunctionalInterface
public interface Drainer {

	/**
	 * The outbox has something to send; it is handed over at most once until {@link Outbox#drain}
	 * has run.
	 */
	void ready(Outbox outbox);

}
