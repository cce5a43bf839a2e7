package io.livechat.broker;

import java.nio.charset.StandardCharsets;

/**
 * One event as STOMP {@code MESSAGE} frames in UTF-8, encoded once for all its recipients and
 * written to each as it is. Recipients' frames differ only in the {@code subscription} header,
 * and clients mostly choose the same subscription ids ({@code sub-0}, {@code sub-1}, ...), so the
 * frame for the id seen last is kept and handed to the next recipient with that id.
 */
final class EncodedFrame {

	private final byte[] head;

	/** The serialized event, shared by every frame (never changed). */
	private final byte[] body;

	private String lastSubscriptionId;

	private byte[] lastFrame;

	/**
	 * @param destination the destination as the recipients subscribed to it
	 * @param messageId unique per event
	 * @param contentType the body's content type
	 * @param body the event, serialized
	 */
	EncodedFrame(String destination, String messageId, String contentType, byte[] body) {
		this.head = ("MESSAGE\ndestination:" + escape(destination) + "\nmessage-id:" + messageId + "\ncontent-type:"
				+ contentType + "\ncontent-length:" + body.length + "\nsubscription:").getBytes(StandardCharsets.UTF_8);
		this.body = body;
	}

	/** The frame for one subscription. Called by one thread at a time (the publisher's). */
	byte[] forSubscription(String subscriptionId) {
		if (!subscriptionId.equals(this.lastSubscriptionId)) {
			byte[] id = escape(subscriptionId).getBytes(StandardCharsets.UTF_8);
			byte[] frame = new byte[this.head.length + id.length + 2 + this.body.length + 1];
			System.arraycopy(this.head, 0, frame, 0, this.head.length);
			System.arraycopy(id, 0, frame, this.head.length, id.length);
			int at = this.head.length + id.length;
			frame[at] = '\n';
			frame[at + 1] = '\n';
			System.arraycopy(this.body, 0, frame, at + 2, this.body.length);
			// the last byte stays 0: the NUL that ends a STOMP frame
			this.lastFrame = frame;
			this.lastSubscriptionId = subscriptionId;
		}
		return this.lastFrame;
	}

	/** STOMP 1.2 header value escaping: a client chose the subscription id. */
	static String escape(String value) {
		if (value.indexOf('\\') < 0 && value.indexOf(':') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
			return value;
		}
		StringBuilder escaped = new StringBuilder(value.length() + 8);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> escaped.append("\\\\");
				case ':' -> escaped.append("\\c");
				case '\n' -> escaped.append("\\n");
				case '\r' -> escaped.append("\\r");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
