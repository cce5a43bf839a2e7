package io.livechat.chat;

import java.util.Locale;
import java.util.regex.Pattern;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

/**
 * A validated display name, unique in a room by what people see.
 * <p>
 * The {@linkplain #value() name as shown} is trimmed, NFC-normalized, with runs of spaces
 * collapsed to one (a page shows two spaces as one, so that is what is compared too), and is 2-20
 * code points of letters (with their combining marks), digits, space, {@code _}, {@code -} and
 * {@code .}. Refused besides: invisible characters (default-ignorable code points and
 * blank-looking fillers such as U+3164 HANGUL FILLER, which {@link Character#isLetter} counts as
 * a letter), more than {@value CombiningMarks#MAX_IN_A_ROW} marks in a row, and names that mix
 * scripts as look-alikes do (UTS #39 "highly restrictive": one script, or Han with Hiragana and
 * Katakana, Bopomofo or Hangul, with or without Latin; digits of one number system).
 * <p>
 * The {@linkplain #key() key}, by which names are unique, is the name as it looks whatever its
 * case: NFKC (full-width letters and ligatures become plain ones), case folded, and mapped
 * through the UTS #39 confusable skeleton, so {@code Bob Smith}, {@code Ｂob Smith} and
 * {@code bob  smith} are one name, and so are the all-Cyrillic {@code Норе} and {@code Hope},
 * {@code m} and {@code rn}, {@code I} and {@code l}.
 */
public final class Username {

	static final int MIN_LENGTH = 2;

	static final int MAX_LENGTH = 20;

	private static final Pattern SPACES = Pattern.compile(" {2,}");

	private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

	private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

	private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

	/** Built once: its checks and skeletons are safe to call from any number of threads. */
	private static final SpoofChecker SPOOF_CHECKER = new SpoofChecker.Builder()
		.setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE)
		.setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS)
		.build();

	private final String value;

	private final String key;

	private Username(String value) {
		this.value = value;
		this.key = keyOf(value);
	}

	public static Username parse(String raw) {
		if (raw == null) {
			throw invalid("A name is required.");
		}
		String name = SPACES.matcher(NFC.normalize(raw.strip())).replaceAll(" ");
		if (name.codePoints().anyMatch(InvisibleCharacters::isInvisible)) {
			throw invalid("A name cannot contain invisible or blank characters (such as zero-width spaces, "
					+ "joiners or Hangul fillers).");
		}
		int length = name.codePointCount(0, name.length());
		if (length < MIN_LENGTH || length > MAX_LENGTH) {
			throw invalid("A name is " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long.");
		}
		requireAllowedCharacters(name);
		SpoofChecker.CheckResult result = new SpoofChecker.CheckResult();
		if (SPOOF_CHECKER.failsChecks(name, result)) {
			throw invalid(((result.checks & SpoofChecker.MIXED_NUMBERS) != 0)
					? "A name cannot mix digits of different number systems."
					: "A name cannot mix letters of different scripts (such as Latin with Cyrillic or Greek), "
							+ "as names that imitate others do.");
		}
		return new Username(name);
	}

	/**
	 * A name that was accepted earlier, by this server or another node of the cluster, as it was
	 * accepted: its key is computed, its rules are not checked again.
	 */
	public static Username accepted(String name) {
		return new Username(name);
	}

	/** The name as shown. */
	public String value() {
		return this.value;
	}

	/** The name as compared for uniqueness: what it looks like, whatever its case. */
	public String key() {
		return this.key;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Username that) && this.value.equals(that.value);
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public String toString() {
		return this.value;
	}

	private static void requireAllowedCharacters(String name) {
		int marks = 0;
		boolean afterLetter = false;
		for (int i = 0; i < name.length();) {
			int codePoint = name.codePointAt(i);
			i += Character.charCount(codePoint);
			int type = UCharacter.getType(codePoint);
			boolean mark = type == UCharacter.NON_SPACING_MARK || type == UCharacter.COMBINING_SPACING_MARK
					|| type == UCharacter.ENCLOSING_MARK;
			if (mark && afterLetter) {
				if (CombiningMarks.isStacking(codePoint) && ++marks > CombiningMarks.MAX_IN_A_ROW) {
					throw invalid("A letter in a name can carry at most " + CombiningMarks.MAX_IN_A_ROW
							+ " combining marks.");
				}
				continue;
			}
			if (!isAllowed(codePoint)) {
				throw invalid("A name may contain only letters, digits, spaces, '_', '-' and '.'.");
			}
			afterLetter = UCharacter.isLetter(codePoint);
			marks = 0;
		}
	}

	private static boolean isAllowed(int codePoint) {
		return UCharacter.isLetterOrDigit(codePoint) || codePoint == ' ' || codePoint == '_' || codePoint == '-'
				|| codePoint == '.';
	}

	/**
	 * What a name looks like, whatever its case. A letter whose capital and small forms look like
	 * different letters is compared by its small form (most of a name is written in small
	 * letters), unless only its capital looks like a plain Latin letter (Cyrillic н, whose capital
	 * Н looks like H) or its capital looks like l (I, so that Ian and lan are one name, and so
	 * are ian and lan: a key that ignores case cannot tell them apart).
	 */
	static String keyOf(String name) {
		String compatible = SPACES.matcher(NFKC.normalize(name)).replaceAll(" ");
		String decomposed = NFD.normalize(compatible);
		StringBuilder looks = new StringBuilder(decomposed.length());
		decomposed.codePoints().forEach((codePoint) -> looks.append(looksOf(codePoint)));
		return skeletonOfSmall(looks.toString());
	}

	private static String looksOf(int codePoint) {
		String character = Character.toString(codePoint);
		String small = skeletonOfSmall(character);
		String capital = SPOOF_CHECKER.getSkeleton(UCharacter.toUpperCase(Locale.ROOT, character));
		if (isAscii(capital) && (!isAscii(small) || skeletonOfSmall(capital).equals("l"))) {
			return skeletonOfSmall(capital);
		}
		return small;
	}

	private static String skeletonOfSmall(String text) {
		return SPOOF_CHECKER.getSkeleton(UCharacter.foldCase(text, true));
	}

	private static boolean isAscii(String text) {
		return text.chars().allMatch((c) -> c < 0x80);
	}

	private static ChatException invalid(String message) {
		return new ChatException(ErrorCode.INVALID_USERNAME, message);
	}

}
