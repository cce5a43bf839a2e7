package io.livechat.bench;

import java.util.concurrent.CompletableFuture;

/**
 * One load client's open WebSocket, whichever WebSocket client holds it. Text may be sent from
 * any thread; it leaves in the order sent.
 */
interface ClientSocket {

	void send(CharSequence text);

	/** Sends a Close (1000); completes when it has been handed to the socket, exceptionally if it cannot be. */
	CompletableFuture<?> sendClose();

	boolean isOutputClosed();

	/** Drops the connection at once; the listener hears nothing more. */
	void abort();

}
