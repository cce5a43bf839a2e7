package io.livechat.chat;

/**
 * Validates the text of a chat message: valid Unicode that shows something, trimmed, with its
 * line breaks as {@code \n}, 1-1000 code points. Nothing is truncated or dropped silently: a
 * text that breaks a rule is refused, and the refusal says which.
 * <ul>
 * <li>An unpaired UTF-16 surrogate (valid in JSON as {@code "\ud800"}, but no character) is
 * refused: it could not be sent on to anyone.</li>
 * <li>{@code \r\n} and {@code \r} become {@code \n}; every other control character but
 * {@code \n} and tab is refused.</li>
 * <li>A text of nothing but whitespace and invisible characters (zero-width spaces, joiners,
 * variation selectors, fillers) is empty. Invisible characters between visible ones are kept:
 * emoji sequences need their joiners and variation selectors.</li>
 * <li>Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) are
 * refused: they reorder the text around them. The direction marks (U+200E, U+200F, U+061C)
 * are kept: they change nothing but the side a neutral character goes to.</li>
 * <li>At most {@value CombiningMarks#MAX_IN_A_ROW} combining marks in a row on one character.</li>
 * </ul>
 */
public final class MessageText {

	public static final int MAX_LENGTH = 1000;

	private MessageText() {
	}

	/**
	 * The caption of a picture: as {@link #parse} (the same limits), but it may be empty, and is
	 * then the empty string.
	 */
	public static String caption(String raw) {
		String text = (raw != null) ? raw.strip() : "";
		return (text.isEmpty() || text.codePoints().allMatch(InvisibleCharacters::isBlank)) ? "" : parse(raw);
	}

	public static String parse(String raw) {
		String text = (raw != null) ? raw.replace("\r\n", "\n").replace('\r', '\n').strip() : "";
		requireWellFormed(text);
		if (text.codePoints().allMatch(InvisibleCharacters::isBlank)) {
			throw invalid("A message cannot be empty.");
		}
		if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
			throw new ChatException(ErrorCode.MESSAGE_TOO_LONG,
					"A message is at most " + MAX_LENGTH + " characters long.");
		}
		int marks = 0;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			i += Character.charCount(codePoint);
			if (Character.getType(codePoint) == Character.CONTROL && codePoint != '\n' && codePoint != '\t') {
				throw invalid("A message cannot contain control characters (U+%04X); only line breaks and tabs."
					.formatted(codePoint));
			}
			if (isDirectionControl(codePoint)) {
				throw invalid(("A message cannot contain bidirectional embedding, override or isolate characters "
						+ "(U+%04X): they would reorder the text around them.").formatted(codePoint));
			}
			if (CombiningMarks.isStacking(codePoint)) {
				if (++marks > CombiningMarks.MAX_IN_A_ROW) {
					throw invalid("A character can carry at most " + CombiningMarks.MAX_IN_A_ROW
							+ " combining marks in a row.");
				}
			}
			else if (CombiningMarks.isBase(codePoint)) {
				marks = 0;
			}
		}
		return text;
	}

	/** Refuses a lone UTF-16 surrogate: half of a character, which no encoder can send on. */
	private static void requireWellFormed(String text) {
		int lone = LoneSurrogates.indexIn(text);
		if (lone >= 0) {
			throw invalid(("A message must be valid Unicode; this one holds half of a character "
					+ "(an unpaired surrogate, U+%04X).").formatted((int) text.charAt(lone)));
		}
	}

	/** The embeddings and overrides (U+202A-U+202E) and the isolates (U+2066-U+2069). */
	static boolean isDirectionControl(int codePoint) {
		return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
	}

	private static ChatException invalid(String message) {
		return new ChatException(ErrorCode.INVALID_MESSAGE, message);
	}

}
