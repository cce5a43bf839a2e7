package io.livechat.bench;

/**
 * Reading the few things the load generator needs from an event's JSON body in place, by
 * scanning for keys rather than parsing: the {@code type}, a string or number field, and how
 * many of a run's clients a {@code users} list names. A key cannot be forged from inside a JSON string
 * value, where every quote is escaped.
 */
final class EventBody {

	enum Type {

		MESSAGE, USERS, JOINED, SYSTEM, TYPING, ROOMS, READS, ERROR, OTHER

	}

	private static final String TYPE_KEY = "\"type\":\"";

	private static final String USERS_KEY = "\"users\":[";

	private static final String TEXT_KEY = "\"text\":\"";

	private EventBody() {
	}

	static Type type(CharSequence text, int from, int to) {
		int at = StompFrame.startsWith(text, from + 1, to, TYPE_KEY) ? from + 1 : indexOf(text, TYPE_KEY, from, to);
		int first = at + TYPE_KEY.length();
		if (at < 0 || first >= to) {
			return Type.OTHER;
		}
		return switch (text.charAt(first)) {
			case 'm' -> Type.MESSAGE;
			case 'u' -> Type.USERS;
			case 'j' -> Type.JOINED;
			case 's' -> Type.SYSTEM;
			case 't' -> Type.TYPING;
			case 'r' -> (first + 1 < to && text.charAt(first + 1) == 'e') ? Type.READS : Type.ROOMS;
			case 'e' -> Type.ERROR;
			default -> Type.OTHER;
		};
	}

	/** Where the value of the {@code text} field starts (after its opening quote), or -1. */
	static int textStart(CharSequence text, int from, int to) {
		int at = indexOf(text, TEXT_KEY, from, to);
		return (at < 0) ? -1 : at + TEXT_KEY.length();
	}

	/** The value of string field {@code key}, or null; allocates, so for rare events only. */
	static String string(CharSequence text, int from, int to, String key) {
		String quotedKey = "\"" + key + "\":\"";
		int at = indexOf(text, quotedKey, from, to);
		int start = (at < 0) ? -1 : at + quotedKey.length();
		if (start < 0) {
			return null;
		}
		int end = start;
		while (end < to && text.charAt(end) != '"') {
			end += (text.charAt(end) == '\\') ? 2 : 1;
		}
		return text.subSequence(start, Math.min(end, to)).toString();
	}

	/**
	 * The value of the first field {@code quotedKey} (the key with its quotes and colon, such as
	 * {@code "\"id\":"}) that holds a whole number of at most 18 digits, or -1.
	 */
	static long number(CharSequence text, int from, int to, String quotedKey) {
		for (int at = indexOf(text, quotedKey, from, to); at >= 0; at = indexOf(text, quotedKey, at + 1, to)) {
			long value = 0;
			int digits = 0;
			for (int i = at + quotedKey.length(); i < to && digits <= 18; i++, digits++) {
				char c = text.charAt(i);
				if (c < '0' || c > '9') {
					break;
				}
				value = value * 10 + (c - '0');
			}
			if (digits > 0 && digits <= 18) {
				return value;
			}
		}
		return -1;
	}

	/**
	 * How many names in the {@code users} array start with {@code namePrefix}, or -1 when the
	 * body has no such array.
	 */
	static int countUsers(CharSequence text, int from, int to, String namePrefix) {
		int at = indexOf(text, USERS_KEY, from, to);
		return (at < 0) ? -1 : countNames(text, at + USERS_KEY.length(), to, namePrefix);
	}

	/**
	 * How many strings of the JSON array whose first element starts at {@code from} (just after
	 * its {@code [}) start with {@code namePrefix}.
	 */
	static int countNames(CharSequence text, int from, int to, String namePrefix) {
		int count = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c == ']') {
				break;
			}
			if (c == '"' && StompFrame.startsWith(text, i + 1, to, namePrefix)) {
				count++;
				i += namePrefix.length();
				while (i + 1 < to && text.charAt(i + 1) != '"') {
					i++;
				}
				i++;
			}
		}
		return count;
	}

	static int indexOf(CharSequence text, String needle, int from, int to) {
		char first = needle.charAt(0);
		int last = to - needle.length();
		for (int i = from; i <= last; i++) {
			if (text.charAt(i) == first && StompFrame.startsWith(text, i, to, needle)) {
				return i;
			}
		}
		return -1;
	}

}
