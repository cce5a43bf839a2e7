package io.livechat.chat;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A validated display name: trimmed, NFC-normalized, 2-20 code points of letters, digits, space,
 * {@code _}, {@code -} and {@code .}. Names are unique per room case-insensitively, through
 * {@link #key()}.
 */
public record Username(String value) {

	static final int MIN_LENGTH = 2;

	static final int MAX_LENGTH = 20;

	public static Username parse(String raw) {
		if (raw == null) {
			throw new ChatException(ErrorCode.INVALID_USERNAME, "A name is required.");
		}
		String name = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
		int length = name.codePointCount(0, name.length());
		if (length < MIN_LENGTH || length > MAX_LENGTH) {
			throw new ChatException(ErrorCode.INVALID_USERNAME,
					"A name is " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long.");
		}
		if (!name.codePoints().allMatch(Username::isAllowed)) {
			throw new ChatException(ErrorCode.INVALID_USERNAME,
					"A name may contain only letters, digits, spaces, '_', '-' and '.'.");
		}
		return new Username(name);
	}

	private static boolean isAllowed(int codePoint) {
		return Character.isLetterOrDigit(codePoint) || codePoint == ' ' || codePoint == '_' || codePoint == '-'
				|| codePoint == '.';
	}

	/** The name as compared for uniqueness: "Alex" and "alex" are the same person. */
	public String key() {
		return this.value.toLowerCase(Locale.ROOT);
	}

}
