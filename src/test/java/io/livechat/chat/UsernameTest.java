package io.livechat.chat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsernameTest {

	@ParameterizedTest
	@ValueSource(strings = { "Al", "Alex", "alex_99", "Mary-Jane", "J. Doe", "Zoë", "Łukasz", "李小龙", "abcdefghij0123456789" })
	void acceptsLettersDigitsSpaceUnderscoreDashAndDot(String name) {
		assertThat(Username.parse(name).value()).isEqualTo(name);
	}

	@Test
	void trimsSurroundingWhitespace() {
		assertThat(Username.parse("  Alex \t").value()).isEqualTo("Alex");
	}

	@Test
	void countsCodePointsNotUtf16Units() {
		String twentyCodePointsOfWhichSomeAreSupplementary = "𝒜".repeat(10) + "b".repeat(10);
		assertThat(twentyCodePointsOfWhichSomeAreSupplementary.length()).isEqualTo(30);
		assertThat(Username.parse(twentyCodePointsOfWhichSomeAreSupplementary).value()).hasSize(30);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "A", " A ", "abcdefghij0123456789x", "<script>", "Alex!", "a\u0000b", "tab\tname",
			"line\nbreak", "emoji😀", "a/b" })
	void refusesOtherNames(String name) {
		assertThatThrownBy(() -> Username.parse(name)).isInstanceOfSatisfying(ChatException.class,
				(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_USERNAME));
	}

	@Test
	void refusesAMissingName() {
		assertThatThrownBy(() -> Username.parse(null)).isInstanceOf(ChatException.class);
	}

	@Test
	void comparesNamesCaseInsensitively() {
		assertThat(Username.parse("Alex").key()).isEqualTo(Username.parse("aLEX").key());
	}

	@Test
	void treatsComposedAndDecomposedAccentsAsOneName() {
		assertThat(Username.parse("Zo\u00EB").key()).isEqualTo(Username.parse("Zoe\u0308").key());
	}

}
