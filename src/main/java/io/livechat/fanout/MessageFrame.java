package io.livechat.fanout;

import java.nio.charset.StandardCharsets;

/**
 * One event as STOMP {@code MESSAGE} frames, encoded once for all its recipients. Recipients'
 * frames differ only in the {@code subscription} header, and clients mostly choose the same
 * subscription ids ({@code sub-0}, {@code sub-1}, ...), so the frame for the id seen last is kept
 * and reused.
 */
final class MessageFrame {

	private final String head;

	private final String tail;

	private String lastSubscriptionId;

	private String lastFrame;

	/**
	 * @param destination where the recipients subscribed
	 * @param messageId unique per event
	 * @param json the event, serialized
	 */
	MessageFrame(String destination, String messageId, String json) {
		this.head = "MESSAGE\ndestination:" + escape(destination) + "\nmessage-id:" + messageId
				+ "\ncontent-type:application/json\ncontent-length:" + utf8Length(json) + "\nsubscription:";
		this.tail = "\n\n" + json + "\0";
	}

	/** The frame for one subscription. Called by one thread at a time (the room's). */
	String forSubscription(String subscriptionId) {
		if (!subscriptionId.equals(this.lastSubscriptionId)) {
			this.lastFrame = this.head + escape(subscriptionId) + this.tail;
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

	private static int utf8Length(String text) {
		int length = text.length();
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 0x80) {
				return text.getBytes(StandardCharsets.UTF_8).length;
			}
		}
		return length;
	}

}
