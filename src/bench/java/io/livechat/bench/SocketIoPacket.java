package io.livechat.bench;

import java.net.URI;

/**
 * Reading one packet a Socket.io 4 server sends over WebSocket, in place, and writing the few a
 * load client sends. Over WebSocket every message is one Engine.IO 4 packet: a type digit and
 * its data; a Socket.io packet is Engine.IO's "message" ({@code 4}) with a Socket.io type digit
 * after it, an event being {@code 42["name",argument]}. Only the main namespace is spoken, and no
 * acknowledgements: the reference chat uses neither.
 */
final class SocketIoPacket {

	enum Kind {

		/** {@code 0{"sid":...,"pingInterval":25000,...}}: Engine.IO's handshake, answered with {@link #CONNECT}. */
		OPEN,

		/** {@code 1}: the server closes the Engine.IO session. */
		CLOSE,

		/** {@code 2}: the server's ping, answered with {@link #PONG}. */
		PING,

		/** {@code 40{"sid":...}}: the main namespace is connected. */
		CONNECTED,

		/** {@code 41}: the server disconnected the namespace. */
		DISCONNECTED,

		/** {@code 42["name",...]}: an event. */
		EVENT,

		/** {@code 44{"message":...}}: the namespace refused to connect. */
		CONNECT_ERROR,

		OTHER

	}

	/** The reference chat's server events. */
	enum Event {

		NEW_MESSAGE, MESSAGE_HISTORY, ROOM_USERS, SYSTEM_MESSAGE, ERROR_MESSAGE, OTHER

	}

	static final String PATH = "/socket.io/";

	static final String QUERY = "EIO=4&transport=websocket";

	/** Connects the main namespace. */
	static final String CONNECT = "40";

	static final String PONG = "3";

	private static final String EVENT_START = "42[\"";

	private static final String PING_INTERVAL_KEY = "\"pingInterval\":";

	private SocketIoPacket() {
	}

	/**
	 * The WebSocket URL of a Socket.io server given as {@code ws://host:port}: Engine.IO's path and
	 * query added where missing.
	 */
	static URI url(URI server) {
		String path = server.getRawPath();
		if (path == null || path.isEmpty() || path.equals("/") || path.equals("/socket.io")) {
			path = PATH;
		}
		String query = server.getRawQuery();
		if (query == null || query.isEmpty()) {
			query = QUERY;
		}
		else if (!query.contains("EIO=")) {
			query = query + "&" + QUERY;
		}
		return URI.create(server.getScheme() + "://" + server.getRawAuthority() + path + "?" + query);
	}

	static Kind kind(CharSequence text, int from, int to) {
		if (from >= to) {
			return Kind.OTHER;
		}
		return switch (text.charAt(from)) {
			case '0' -> Kind.OPEN;
			case '1' -> Kind.CLOSE;
			case '2' -> Kind.PING;
			case '4' -> (from + 1 < to) ? socketIoKind(text.charAt(from + 1)) : Kind.OTHER;
			default -> Kind.OTHER;
		};
	}

	/** Which event a {@code 42} packet carries, by its name. */
	static Event event(CharSequence text, int from, int to) {
		int name = from + EVENT_START.length();
		if (name >= to || !StompFrame.startsWith(text, from, to, EVENT_START)) {
			return Event.OTHER;
		}
		return switch (text.charAt(name)) {
			case 'n' -> named(text, name, to, "new-message", Event.NEW_MESSAGE);
			case 'm' -> named(text, name, to, "message-history", Event.MESSAGE_HISTORY);
			case 'r' -> named(text, name, to, "room-users", Event.ROOM_USERS);
			case 's' -> named(text, name, to, "system-message", Event.SYSTEM_MESSAGE);
			case 'e' -> named(text, name, to, "error-message", Event.ERROR_MESSAGE);
			default -> Event.OTHER;
		};
	}

	/** Where an event's argument starts (after {@code 42["name",}), or -1 when it has none. */
	static int argumentStart(CharSequence text, int from, int to) {
		int name = from + EVENT_START.length();
		if (!StompFrame.startsWith(text, from, to, EVENT_START)) {
			return -1;
		}
		for (int i = name; i + 1 < to; i++) {
			char c = text.charAt(i);
			if (c == '\\') {
				i++;
			}
			else if (c == '"') {
				return (text.charAt(i + 1) == ',') ? i + 2 : -1;
			}
		}
		return -1;
	}

	/** The {@code pingInterval} an open packet announces, in milliseconds, or -1. */
	static long pingIntervalMillis(CharSequence text, int from, int to) {
		int at = EventBody.indexOf(text, PING_INTERVAL_KEY, from, to);
		if (at < 0) {
			return -1;
		}
		long value = -1;
		for (int i = at + PING_INTERVAL_KEY.length(); i < to && i < at + PING_INTERVAL_KEY.length() + 18; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				break;
			}
			value = Math.max(0, value) * 10 + (c - '0');
		}
		return value;
	}

	/** The reference chat's {@code join}; names and rooms of the tool's own making need no escaping. */
	static String join(String username, String room) {
		return "42[\"join\",{\"username\":\"" + username + "\",\"room\":\"" + room + "\"}]";
	}

	/** A {@code send-message}; the tool's texts (marks) need no escaping. */
	static String sendMessage(String text) {
		return "42[\"send-message\",\"" + text + "\"]";
	}

	private static Kind socketIoKind(char type) {
		return switch (type) {
			case '0' -> Kind.CONNECTED;
			case '1' -> Kind.DISCONNECTED;
			case '2' -> Kind.EVENT;
			case '4' -> Kind.CONNECT_ERROR;
			default -> Kind.OTHER;
		};
	}

	private static Event named(CharSequence text, int at, int to, String name, Event event) {
		return (StompFrame.startsWith(text, at, to, name) && at + name.length() < to
				&& text.charAt(at + name.length()) == '"') ? event : Event.OTHER;
	}

}
