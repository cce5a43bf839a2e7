package io.livechat.chat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageTextTest {

	@Test
	void keepsTheTextTrimmed() {
		assertThat(MessageText.parse("  hello \n")).isEqualTo("hello");
	}

	@Test
	void keepsMarkupAsPlainCharacters() {
		assertThat(MessageText.parse("<img src=x onerror=alert(1)>")).isEqualTo("<img src=x onerror=alert(1)>");
	}

	@Test
	void acceptsExactlyAThousandCodePoints() {
		String text = "😀".repeat(1000);
		assertThat(MessageText.parse(text)).isEqualTo(text);
	}

	@Test
	void refusesMoreThanAThousandCodePointsWithoutTruncating() {
		assertThatThrownBy(() -> MessageText.parse("x".repeat(1001))).isInstanceOfSatisfying(ChatException.class,
				(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.MESSAGE_TOO_LONG));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\n\t " })
	void refusesEmptyText(String text) {
		assertThatThrownBy(() -> MessageText.parse(text)).isInstanceOfSatisfying(ChatException.class,
				(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_MESSAGE));
	}

	@Test
	void refusesMissingText() {
		assertThatThrownBy(() -> MessageText.parse(null)).isInstanceOfSatisfying(ChatException.class,
				(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_MESSAGE));
	}

}
