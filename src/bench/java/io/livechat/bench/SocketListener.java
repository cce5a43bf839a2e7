package io.livechat.bench;

/**
 * What a load client hears from its WebSocket. One socket calls one method at a time, in order.
 */
interface SocketListener {

	/**
	 * The handshake succeeded.
	 * @param extensions the extensions the server accepted, as its {@code Sec-WebSocket-Extensions}
	 * header says them, or {@code ""} for none
	 */
	void onOpen(ClientSocket socket, String extensions);

	/** Text received: a whole message or, when not {@code last}, a part of one. */
	void onText(CharSequence data, boolean last);

	void onClose(int statusCode, String reason);

	void onError(Throwable error);

	/** Text could not be sent: the connection is broken. */
	void onSendFailed(Throwable failure);

}
