package io.livechat.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkTest {

	private final Mark mark = new Mark("ab1");

	@Test
	void readsBackWhatItWrites() {
		String text = Mark.text("ab1", 42, 1234, 1_732_900_000_123_456L);

		assertThat(text).isEqualTo("~LG|ab1|42|1234|1732900000123456");
		assertThat(this.mark.read(text, 0, text.length())).isTrue();
		assertThat(this.mark.sender).isEqualTo(42);
		assertThat(this.mark.seq).isEqualTo(1234);
		assertThat(this.mark.intendedMicros).isEqualTo(1_732_900_000_123_456L);
	}

	@Test
	void readsAMarkEndedByTheClosingQuoteOfItsJsonString() {
		String body = "{\"text\":\"~LG|ab1|3|7|99\",\"timestamp\":1}";
		int start = body.indexOf('~');

		assertThat(this.mark.read(body, start, body.length())).isTrue();
		assertThat(this.mark.seq).isEqualTo(7);
		assertThat(this.mark.intendedMicros).isEqualTo(99);
	}

	@ParameterizedTest
	@ValueSource(strings = { "~LG|zz9|3|7|99", "~LG|ab12|3|7|99", "~LG|ab1|3|7", "~LG|ab1|3|7|", "~LG|ab1||7|99",
			"~LG|ab1|3|x|99", "~LG|ab1|3|7|99x", "hello", "~LG|ab1|3|7|99999999999999999999" })
	void refusesTextsThatAreNotAMarkOfThisRun(String text) {
		assertThat(this.mark.read(text, 0, text.length())).isFalse();
	}

}
