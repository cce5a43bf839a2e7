package io.livechat.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StompFrameTest {

	@Test
	void tellsTheCommand() {
		assertThat(StompFrame.command("MESSAGE\nx:y\n\n{}", 0, 13)).isEqualTo(StompFrame.Command.MESSAGE);
		assertThat(StompFrame.command("CONNECTED\nversion:1.2\n\n", 0, 23)).isEqualTo(StompFrame.Command.CONNECTED);
		assertThat(StompFrame.command("ERROR\nmessage:no\n\n", 0, 18)).isEqualTo(StompFrame.Command.ERROR);
		assertThat(StompFrame.command("RECEIPT\nreceipt-id:1\n\n", 0, 22)).isEqualTo(StompFrame.Command.RECEIPT);
		assertThat(StompFrame.command("MESSAGES\n\n", 0, 10)).isEqualTo(StompFrame.Command.OTHER);
	}

	@Test
	void findsTheBodyAfterTheBlankLineWithEitherLineEnding() {
		String lf = "MESSAGE\na:b\n\nbody";
		String crlf = "MESSAGE\r\na:b\r\n\r\nbody";

		assertThat(lf.substring(StompFrame.bodyStart(lf, 0, lf.length()))).isEqualTo("body");
		assertThat(crlf.substring(StompFrame.bodyStart(crlf, 0, crlf.length()))).isEqualTo("body");
	}

	@Test
	void readsAHeaderButNotFromTheBody() {
		String frame = "ERROR\ncontent-type:text/plain\nmessage:Frame too large\n\nmessage:in the body";

		assertThat(StompFrame.header(frame, 0, frame.length(), "message")).isEqualTo("Frame too large");
		assertThat(StompFrame.header(frame, 0, frame.length(), "receipt-id")).isNull();
		assertThat(StompFrame.header("ERROR\n\nmessage:x", 0, 16, "message")).isNull();
	}

	@Test
	void writesFramesEndedByNul() {
		assertThat(StompFrame.connect("127.0.0.1", 10000))
			.isEqualTo("CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:10000,10000\n\n\0");
		assertThat(StompFrame.subscribe(1, "/topic/general")).isEqualTo("SUBSCRIBE\nid:1\ndestination:/topic/general\n\n\0");
		assertThat(StompFrame.send("/app/send", "{}"))
			.isEqualTo("SEND\ndestination:/app/send\ncontent-type:application/json\n\n{}\0");
	}

}
