package io.livechat.chat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageTextTest {

	@Nested
	class Kept {

		@Test
		void trimmed() {
			assertThat(MessageText.parse("  hello \n")).isEqualTo("hello");
		}

		@Test
		void withMarkupAsPlainCharacters() {
			assertThat(MessageText.parse("<img src=x onerror=alert(1)>")).isEqualTo("<img src=x onerror=alert(1)>");
		}

		@Test
		void withWindowsAndOldMacLineBreaksAsNewlines() {
			assertThat(MessageText.parse("one\r\ntwo\rthree\nfour")).isEqualTo("one\ntwo\nthree\nfour");
		}

		@Test
		void withTabs() {
			assertThat(MessageText.parse("a\tb")).isEqualTo("a\tb");
		}

		@Test
		void upToAThousandCodePoints() {
			String text = "😀".repeat(1000);
			assertThat(MessageText.parse(text)).isEqualTo(text);
		}

		@ParameterizedTest
		@ValueSource(strings = { "👩‍👩‍👧", "👨🏽‍💻 on it", "🇫🇷🇯🇵", "❤️", "1️⃣", "🏳️‍🌈", "👁️‍🗨️", "🏴󠁧󠁢󠁳󠁣󠁴󠁿" })
		void emojiWithTheirJoinersVariationSelectorsAndTags(String text) {
			assertThat(MessageText.parse(text)).isEqualTo(text);
		}

		@ParameterizedTest
		@ValueSource(strings = { "Tiếng Việt có dấu", "Tie\u0302\u0301ng Vie\u0323\u0302t", "שָׁלוֹם עֲלֵיכֶם",
				"नमस्ते दुनिया", "สวัสดีครับ ที่นี่", "مرحبا بالعالم", "مَرْحَبًا", "עברית\u200F!", "a\u200Eb\u061Cc" })
		void writingInItsOwnScriptWithItsMarksAndDirectionMarks(String text) {
			assertThat(MessageText.parse(text)).isEqualTo(text);
		}

		@Test
		void fourCombiningMarksOnACharacter() {
			String text = "q\u0301\u0302\u0303\u0304";
			assertThat(MessageText.parse(text)).isEqualTo(text);
		}

		@Test
		void invisibleCharactersBetweenVisibleOnes() {
			assertThat(MessageText.parse("soft\u00ADhyphen and zero\u200Bwidth")).isEqualTo("soft\u00ADhyphen and zero\u200Bwidth");
		}

	}

	@Nested
	class RefusedAsEmpty {

		@ParameterizedTest
		@ValueSource(strings = { "", " ", "\n\t ", "\r\n", "\u200B\u200B", "\u2800", "\u3164", "\u115F\u1160",
				"\uFFA0", "\u200D\uFE0F", "\u00A0\u3000", "\u2060 \u2800\n\u200B", "\u200E\u200F" })
		void aTextOfOnlyWhitespaceAndInvisibleCharacters(String text) {
			assertRefused(text, ErrorCode.INVALID_MESSAGE, "A message cannot be empty.");
		}

		@Test
		void missingText() {
			assertRefused(null, ErrorCode.INVALID_MESSAGE, "A message cannot be empty.");
		}

	}

	@Nested
	class Refused {

		@ParameterizedTest
		@ValueSource(strings = { "\uD800", "bad \uD83D here", "\uDE00 lone low surrogate", "end \uDBFF",
				"reversed \uDE00\uD83D pair" })
		void unpairedSurrogates(String text) {
			assertRefused(text, ErrorCode.INVALID_MESSAGE, "unpaired surrogate");
		}

		@ParameterizedTest
		@ValueSource(strings = { "bell\u0007", "nul\u0000", "escape\u001B[31m", "delete\u007F", "c1\u0085" })
		void controlCharactersOtherThanLineBreaksAndTabs(String text) {
			assertRefused(text, ErrorCode.INVALID_MESSAGE, "control characters");
		}

		@ParameterizedTest
		@ValueSource(strings = { "abc\u202Efed", "\u202Aembedded", "\u202Bembedded", "\u202Cpop", "\u202Doverride",
				"\u2066isolated\u2069", "\u2067isolated", "\u2068first strong" })
		void bidirectionalEmbeddingsOverridesAndIsolates(String text) {
			assertRefused(text, ErrorCode.INVALID_MESSAGE, "bidirectional");
		}

		@Test
		void fiveCombiningMarksOnACharacter() {
			assertRefused("q\u0301\u0302\u0303\u0304\u0306", ErrorCode.INVALID_MESSAGE, "combining marks");
		}

		@Test
		void nineHundredNinetyNineCombiningMarksOnALetter() {
			assertRefused("Z" + "\u0336".repeat(999), ErrorCode.INVALID_MESSAGE, "combining marks");
		}

		@Test
		void marksStackedAcrossZeroWidthJoiners() {
			assertRefused("q\u0301\u0302\u200D\u0303\u0304\u200D\u0306", ErrorCode.INVALID_MESSAGE, "combining marks");
		}

		@Test
		void moreThanAThousandCodePointsWithoutTruncating() {
			assertRefused("x".repeat(1001), ErrorCode.MESSAGE_TOO_LONG, "at most 1000");
		}

	}

	private static void assertRefused(String text, ErrorCode code, String reason) {
		assertThatThrownBy(() -> MessageText.parse(text)).isInstanceOfSatisfying(ChatException.class, (ex) -> {
			assertThat(ex.code()).isEqualTo(code);
			assertThat(ex.getMessage()).contains(reason);
		});
	}

}
