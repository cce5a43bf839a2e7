package io.livechat.bench;

/**
 * Reading one received STOMP frame in place ({@code text[from, to)}, as {@link FrameParser}
 * hands it over), and writing the frames a load client sends.
 */
final class StompFrame {

	enum Command {

		CONNECTED, MESSAGE, RECEIPT, ERROR, OTHER

	}

	private StompFrame() {
	}

	static Command command(CharSequence text, int from, int to) {
		if (startsWith(text, from, to, "MESSAGE\n") || startsWith(text, from, to, "MESSAGE\r\n")) {
			return Command.MESSAGE;
		}
		if (startsWith(text, from, to, "CONNECTED")) {
			return Command.CONNECTED;
		}
		if (startsWith(text, from, to, "ERROR")) {
			return Command.ERROR;
		}
		if (startsWith(text, from, to, "RECEIPT")) {
			return Command.RECEIPT;
		}
		return Command.OTHER;
	}

	/** Where the body starts: after the blank line that ends the headers ({@code to} if none). */
	static int bodyStart(CharSequence text, int from, int to) {
		for (int i = from; i + 1 < to; i++) {
			if (text.charAt(i) == '\n') {
				char next = text.charAt(i + 1);
				if (next == '\n') {
					return i + 2;
				}
				if (next == '\r' && i + 2 < to && text.charAt(i + 2) == '\n') {
					return i + 3;
				}
			}
		}
		return to;
	}

	/** The value of header {@code name}, or null; allocates, so for rare frames only. */
	static String header(CharSequence text, int from, int to, String name) {
		int end = bodyStart(text, from, to);
		int line = from;
		while (line < end) {
			int eol = line;
			while (eol < end && text.charAt(eol) != '\n') {
				eol++;
			}
			if (eol - line > name.length() && text.charAt(line + name.length()) == ':'
					&& startsWith(text, line, eol, name)) {
				int valueEnd = (eol > line && text.charAt(eol - 1) == '\r') ? eol - 1 : eol;
				return text.subSequence(line + name.length() + 1, valueEnd).toString();
			}
			line = eol + 1;
		}
		return null;
	}

	static boolean startsWith(CharSequence text, int from, int to, String prefix) {
		if (to - from < prefix.length()) {
			return false;
		}
		for (int i = 0; i < prefix.length(); i++) {
			if (text.charAt(from + i) != prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	static String connect(String host, int heartbeatMillis) {
		return "CONNECT\naccept-version:1.2\nhost:" + host + "\nheart-beat:" + heartbeatMillis + "," + heartbeatMillis
				+ "\n\n\0";
	}

	static String subscribe(int id, String destination) {
		return "SUBSCRIBE\nid:" + id + "\ndestination:" + destination + "\n\n\0";
	}

	static String send(String destination, String jsonBody) {
		return "SEND\ndestination:" + destination + "\ncontent-type:application/json\n\n" + jsonBody + "\0";
	}

}
