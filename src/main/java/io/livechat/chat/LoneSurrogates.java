package io.livechat.chat;

/**
 * Halves of characters: a UTF-16 surrogate without its partner is valid in a Java string (and in
 * JSON, as {@code "\ud800"}) but is no character, and no UTF-8 encoder can send it on.
 */
public final class LoneSurrogates {

	private LoneSurrogates() {
	}

	/** The index of the first unpaired surrogate in {@code text}, or -1 when there is none. */
	public static int indexIn(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return i;
			}
		}
		return -1;
	}

}
