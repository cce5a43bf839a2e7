package io.livechat.chat;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;

/**
 * Combining marks stack on the character before them; a few (accents, vowel signs, Hebrew
 * niqqud, Vietnamese tone marks over a vowel mark) are writing, dozens are a smear over the
 * lines around them.
 */
final class CombiningMarks {

	/** The most marks in a row after one base character. */
	static final int MAX_IN_A_ROW = 4;

	private CombiningMarks() {
	}

	/**
	 * Whether the code point is a mark that stacks: nonspacing (Mn, which includes the variation
	 * selectors) or enclosing (Me). Spacing marks (Mc, most vowel signs of Indic scripts) take
	 * their own room and are not counted.
	 */
	static boolean isStacking(int codePoint) {
		int type = UCharacter.getType(codePoint);
		return type == UCharacterCategory.NON_SPACING_MARK || type == UCharacterCategory.ENCLOSING_MARK;
	}

	/**
	 * Whether the code point ends a run of marks: anything but a mark or an invisible character
	 * (a zero-width joiner between two marks does not give the second one a base of its own).
	 */
	static boolean isBase(int codePoint) {
		return !isStacking(codePoint) && !InvisibleCharacters.isInvisible(codePoint);
	}

}
