package io.livechat.chat;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;

/**
 * Characters that show nothing, for names and texts: whitespace, the default-ignorable code
 * points of Unicode (zero-width spaces and joiners, variation selectors, direction marks, tags,
 * the Hangul fillers...), and a few blank-looking characters that are not default-ignorable.
 */
final class InvisibleCharacters {

	private InvisibleCharacters() {
	}

	/**
	 * Whether the code point is a blank-looking filler: the Hangul fillers (letters, to
	 * {@link Character#isLetter}, and default-ignorable), U+2800 BRAILLE PATTERN BLANK and U+16FE4
	 * KHITAN SMALL SCRIPT FILLER (neither of them default-ignorable).
	 */
	static boolean isFiller(int codePoint) {
		return switch (codePoint) {
			case 0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x16FE4 -> true;
			default -> false;
		};
	}

	/** Whether the code point shows nothing by itself: default-ignorable or a filler. */
	static boolean isInvisible(int codePoint) {
		return UCharacter.hasBinaryProperty(codePoint, UProperty.DEFAULT_IGNORABLE_CODE_POINT) || isFiller(codePoint);
	}

	/** Whether the code point leaves a text blank: whitespace (any, as Unicode defines it) or invisible. */
	static boolean isBlank(int codePoint) {
		return UCharacter.isUWhiteSpace(codePoint) || isInvisible(codePoint);
	}

}
