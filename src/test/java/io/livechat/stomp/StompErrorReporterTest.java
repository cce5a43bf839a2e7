package io.livechat.stomp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StompErrorReporterTest {

	@Test
	void aRefusalIsLoggedAsOneShortLineWhateverTheClientSent() {
		String forged = "FOO\n2026-11-29 INFO fake log line\r\n" + "x".repeat(5000);

		String logged = StompErrorReporter.printable(forged);

		assertThat(logged).doesNotContain("\n", "\r").hasSizeLessThanOrEqualTo(123).endsWith("...");
		assertThat(logged).startsWith("FOO?2026-11-29 INFO fake log line??");
	}

	@Test
	void aShortMessageIsKeptAsItIs() {
		assertThat(StompErrorReporter.printable("Frame too large")).isEqualTo("Frame too large");
		assertThat(StompErrorReporter.printable(null)).isEmpty();
	}

}
