package io.livechat.chat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoneSurrogatesTest {

	@Test
	void aPairIsOneCharacter() {
		assertThat(LoneSurrogates.indexIn("emoji \uD83D\uDE00 ok")).isEqualTo(-1);
	}

	@Test
	void findsAHighSurrogateWithoutItsPartnerAnywhere() {
		assertThat(LoneSurrogates.indexIn("\uD800")).isZero();
		assertThat(LoneSurrogates.indexIn("end \uD83D")).isEqualTo(4);
		assertThat(LoneSurrogates.indexIn("a\uD83Db")).isEqualTo(1);
	}

	@Test
	void findsALowSurrogateWithoutItsPartner() {
		assertThat(LoneSurrogates.indexIn("\uDE00\uD83D")).isZero();
		assertThat(LoneSurrogates.indexIn("\uD83D\uDE00\uDE00")).isEqualTo(2);
	}

}
