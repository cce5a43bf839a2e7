package io.livechat.broker;

import java.util.List;

import org.springframework.web.socket.CloseStatus;

/**
 * Where a connection's frames go: its socket, written without blocking the caller. An
 * {@link Outbox} hands it batches of encoded STOMP frames, in order, and is told when each batch
 * is written or failed.
 */
interface FrameSink {

	/**
	 * Starts writing the frames, in order, after those handed over before. Never blocks; tells
	 * {@code done} on any thread once they are all written, or failed.
	 */
	void send(List<byte[]> frames, Done done);

	/**
	 * Whether another batch may be handed over before the last one is written (the socket keeps
	 * their order); otherwise the outbox waits for each.
	 */
	boolean pipelines();

	/** Closes the connection once the frames handed over before are written. */
	void close(CloseStatus status);

	/** Ends the connection at once, without a close handshake (a client that stopped reading). */
	void abort();

	/** How a batch went. */
	interface Done {

		/**
		 * The socket starts writing the batch now, not when it was handed over (a sink that
		 * waits for a thread of its own says so when it gets one).
		 */
		default void started() {
		}

		void written();

		void failed(Throwable reason);

	}

}
