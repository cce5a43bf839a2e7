package io.livechat.bench;

/**
 * Cuts the text a STOMP-over-WebSocket connection receives into frames. A WebSocket message
 * may hold several frames (each ends with NUL), heart-beats (end-of-lines) before or between
 * them, or only a part of a frame, the rest following in later messages. Complete frames are
 * handed to the sink straight from the text received; only an unfinished frame is copied,
 * to wait for its end.
 * <p>
 * Not thread-safe: a connection delivers its messages one at a time.
 */
final class FrameParser {

	/** Receives each frame as {@code text[from, to)}, without its NUL; valid during the call only. */
	@FunctionalInterface
	interface FrameSink {

		void frame(CharSequence text, int from, int to);

	}

	private final FrameSink sink;

	private final StringBuilder unfinished = new StringBuilder();

	FrameParser(FrameSink sink) {
		this.sink = sink;
	}

	void accept(CharSequence chunk) {
		if (this.unfinished.isEmpty()) {
			int rest = dispatch(chunk, 0, chunk.length(), 0);
			this.unfinished.append(chunk, rest, chunk.length());
			return;
		}
		int searchedUpTo = this.unfinished.length();
		this.unfinished.append(chunk);
		int rest = dispatch(this.unfinished, 0, this.unfinished.length(), searchedUpTo);
		this.unfinished.delete(0, rest);
	}

	/** Whether part of a frame is waiting for the rest. */
	boolean hasUnfinishedFrame() {
		return !this.unfinished.isEmpty();
	}

	/**
	 * Hands every complete frame in {@code text[from, to)} to the sink and returns where the
	 * unfinished rest starts ({@code to} if none). No NUL lies before {@code noNulBefore}.
	 */
	private int dispatch(CharSequence text, int from, int to, int noNulBefore) {
		int start = from;
		while (true) {
			while (start < to && isEndOfLine(text.charAt(start))) {
				start++;
			}
			if (start == to) {
				return to;
			}
			int nul = indexOfNul(text, Math.max(start, noNulBefore), to);
			if (nul < 0) {
				return start;
			}
			this.sink.frame(text, start, nul);
			start = nul + 1;
		}
	}

	private static boolean isEndOfLine(char c) {
		return c == '\n' || c == '\r';
	}

	private static int indexOfNul(CharSequence text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (text.charAt(i) == '\0') {
				return i;
			}
		}
		return -1;
	}

}
