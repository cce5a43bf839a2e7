package io.livechat.bench;

/**
 * The text a fanout sender posts, {@code ~LG|run|sender|seq|intendedMicros}: which run, which
 * sender, that sender's message number (1, 2, 3, ...) and the epoch microsecond it was meant
 * to leave at, so that latency counts from the schedule, not from a late send. An instance
 * holds the fields of the last mark it read, so a connection reads marks without allocating.
 */
final class Mark {

	static final String PREFIX = "~LG|";

	private final String run;

	int sender;

	long seq;

	long intendedMicros;

	private int cursor;

	Mark(String run) {
		this.run = run;
	}

	static String text(String run, int sender, long seq, long intendedMicros) {
		return PREFIX + run + '|' + sender + '|' + seq + '|' + intendedMicros;
	}

	/**
	 * Reads the mark at {@code text[from, to)}, ended by {@code "} or {@code to}; false when it
	 * is not a mark of this run.
	 */
	boolean read(CharSequence text, int from, int to) {
		int at = from + PREFIX.length();
		if (!StompFrame.startsWith(text, from, to, PREFIX) || !StompFrame.startsWith(text, at, to, this.run)) {
			return false;
		}
		this.cursor = at + this.run.length();
		if (this.cursor >= to || text.charAt(this.cursor++) != '|') {
			return false;
		}
		long sender = number(text, to, '|');
		long seq = (sender < 0) ? -1 : number(text, to, '|');
		long intended = (seq < 0) ? -1 : number(text, to, '"');
		if (intended < 0 || sender > Integer.MAX_VALUE) {
			return false;
		}
		this.sender = (int) sender;
		this.seq = seq;
		this.intendedMicros = intended;
		return true;
	}

	/** The digits at the cursor and the character {@code end} after them (or the end of text for a quote). */
	private long number(CharSequence text, int to, char end) {
		int start = this.cursor;
		long value = 0;
		while (this.cursor < to && this.cursor - start < 18) {
			char c = text.charAt(this.cursor);
			if (c < '0' || c > '9') {
				break;
			}
			value = value * 10 + (c - '0');
			this.cursor++;
		}
		if (this.cursor == start) {
			return -1;
		}
		if (this.cursor == to) {
			return (end == '"') ? value : -1;
		}
		return (text.charAt(this.cursor++) == end) ? value : -1;
	}

}
