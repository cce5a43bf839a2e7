package io.livechat.chat;

import java.text.Normalizer;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsernameTest {

	@Nested
	class TheNameAsShown {

		@ParameterizedTest
		@ValueSource(strings = { "Al", "Alex", "alex_99", "Mary-Jane", "J. Doe", "Zoë", "Łukasz", "李小龙",
				"abcdefghij0123456789" })
		void isTheNameAsTyped(String name) {
			assertThat(Username.parse(name).value()).isEqualTo(name);
		}

		@Test
		void isTrimmed() {
			assertThat(Username.parse("  Alex \t").value()).isEqualTo("Alex");
		}

		@Test
		void hasRunsOfSpacesCollapsedToOneAsAPageShowsThem() {
			assertThat(Username.parse("Bob   Smith").value()).isEqualTo("Bob Smith");
		}

		@Test
		void isComposed() {
			assertThat(Username.parse("Zoe\u0308").value()).isEqualTo("Zo\u00EB");
		}

		@Test
		void countsCodePointsNotUtf16Units() {
			String twentyCodePointsOfWhichSomeAreSupplementary = "𝒜".repeat(10) + "b".repeat(10);
			assertThat(twentyCodePointsOfWhichSomeAreSupplementary.length()).isEqualTo(30);
			assertThat(Username.parse(twentyCodePointsOfWhichSomeAreSupplementary).value()).hasSize(30);
		}

		@Test
		void isKeptAsItWasAcceptedWhenBuiltFromAnAcceptedName() {
			Username accepted = Username.accepted("Bob Smith");

			assertThat(accepted.value()).isEqualTo("Bob Smith");
			assertThat(accepted.key()).isEqualTo(Username.parse("bob smith").key());
		}

	}

	@Nested
	class RealNames {

		@ParameterizedTest
		@ValueSource(strings = { "José", "Zoë", "Дмитрий", "李小龍", "Αλέξης", "Anne-Marie", "Nguyễn Văn An", "J. Doe",
				"alex_99", "Łukasz", "山田たろう", "김민준", "محمد", "अर्जुन", "שָׁלוֹם", "สมชาย", "Ярослав", "Ryu 류" })
		void pass(String name) {
			assertThat(Username.parse(name).value()).isEqualTo(Normalizer.normalize(name, Normalizer.Form.NFC));
		}

		@ParameterizedTest
		@CsvSource({ "Anna, Anne", "José, Jose", "Zoë, Zoe", "Sam, Pam", "Дмитрий, Дмитри", "김민준, 김민수" })
		void thatLookDifferentStayDifferent(String one, String other) {
			assertThat(Username.parse(one).key()).isNotEqualTo(Username.parse(other).key());
		}

	}

	@Nested
	class LookAlikes {

		@ParameterizedTest(name = "{1} is {0}")
		@CsvSource(delimiter = '|', value = { "Bob Smith | Bob  Smith", "Bob Smith | ＢOB Smith",
				"Bob Smith | Ｂob Smith", "fiona | ﬁona", "Sam | Sarn", "Ian | lan", "Ian | ian", "Hope | Норе",
				"Hope | НОРЕ", "Bob | B0b", "Alex | aLEX", "Zoë | Zoe\u0308", "Straße | STRASSE" })
		void getTheSameKeyAsTheOriginal(String original, String lookAlike) {
			assertThat(Username.parse(lookAlike).key()).isEqualTo(Username.parse(original).key());
		}

		@ParameterizedTest(name = "{1}")
		@CsvSource(delimiter = '|', value = { "Bob Smith | B\u043Eb Smith | scripts", "Bob Smith | B\u03BFb Smith | scripts",
				"Bob Smith | Bob Smith\u3164 | invisible", "Bob Smith | Bob\u200BSmith | invisible",
				"Bob Smith | Bob Smith\u200D | invisible", "Ali | Al\u0456 | scripts", "Bob | Bob\u115F | invisible" })
		void areRefusedWhenTheyMixScriptsOrHideCharacters(String original, String lookAlike, String reason) {
			assertThatThrownBy(() -> Username.parse(lookAlike)).isInstanceOfSatisfying(ChatException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_USERNAME);
				assertThat(ex.getMessage()).contains(reason);
			});
		}

		@ParameterizedTest(name = "{1} is {0}")
		@CsvSource(delimiter = '|', value = { "Bob Smith | B\u043Eb Smith", "Bob Smith | B\u03BFb Smith", "Ali | Al\u0456" })
		void thatMixScriptsWouldGetTheOriginalsKeyAnyway(String original, String lookAlike) {
			assertThat(Username.keyOf(lookAlike)).isEqualTo(Username.parse(original).key());
		}

	}

	@Nested
	class Refused {

		@ParameterizedTest
		@ValueSource(strings = { "", " ", "A", " A ", "abcdefghij0123456789x", "<script>", "Alex!", "a\u0000b",
				"tab\tname", "line\nbreak", "emoji😀", "a/b", "a\uD800b", "\u0301ab", "1\u0301a" })
		void otherNames(String name) {
			assertThatThrownBy(() -> Username.parse(name)).isInstanceOfSatisfying(ChatException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_USERNAME));
		}

		@Test
		void aMissingName() {
			assertThatThrownBy(() -> Username.parse(null)).isInstanceOf(ChatException.class);
		}

		@ParameterizedTest
		@ValueSource(strings = { "\u3164\u3164", "\u2800\u2800", "\u115F\u1160", "\uFFA0\uFFA0", "ab\u200B",
				"\u200B\u200Bab", "a\u00ADb", "ab\uFE0F" })
		void namesWithInvisibleOrBlankCharacters(String name) {
			assertThatThrownBy(() -> Username.parse(name)).isInstanceOfSatisfying(ChatException.class,
					(ex) -> assertThat(ex.getMessage()).contains("invisible or blank"));
		}

		@Test
		void digitsOfDifferentNumberSystems() {
			assertThatThrownBy(() -> Username.parse("11\u0661")).isInstanceOfSatisfying(ChatException.class,
					(ex) -> assertThat(ex.getMessage()).contains("number systems"));
		}

		@Test
		void moreThanFourCombiningMarksOnALetter() {
			assertThat(Username.parse("Zq\u0301\u0302\u0303\u0304").key()).isNotEmpty();
			assertThatThrownBy(() -> Username.parse("Zq\u0301\u0302\u0303\u0304\u0306"))
				.isInstanceOfSatisfying(ChatException.class, (ex) -> assertThat(ex.getMessage()).contains("marks"));
		}

	}

}
