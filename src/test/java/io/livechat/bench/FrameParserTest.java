package io.livechat.bench;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrameParserTest {

	private static final String CONNECTED = "CONNECTED\nversion:1.2\nheart-beat:10000,10000\n\n";

	private static final String MESSAGE = "MESSAGE\ndestination:/topic/general\nsubscription:1\n\n"
			+ "{\"type\":\"message\",\"id\":1,\"text\":\"hello\"}";

	private final List<String> frames = new ArrayList<>();

	private final FrameParser parser = new FrameParser(
			(text, from, to) -> this.frames.add(text.subSequence(from, to).toString()));

	@Test
	void handsOverAFrameWithoutItsNul() {
		this.parser.accept(CONNECTED + "\0");

		assertThat(this.frames).containsExactly(CONNECTED);
		assertThat(this.parser.hasUnfinishedFrame()).isFalse();
	}

	@Test
	void handsOverEveryFrameOfAMessageThatHoldsSeveral() {
		this.parser.accept(CONNECTED + "\0" + MESSAGE + "\0" + MESSAGE + "\0");

		assertThat(this.frames).containsExactly(CONNECTED, MESSAGE, MESSAGE);
	}

	@Test
	void skipsHeartBeatsBeforeBetweenAndAfterFrames() {
		this.parser.accept("\n\r\n" + MESSAGE + "\0\n\n" + MESSAGE + "\0\r\n");

		assertThat(this.frames).containsExactly(MESSAGE, MESSAGE);
		assertThat(this.parser.hasUnfinishedFrame()).isFalse();
	}

	@Test
	void aHeartBeatAloneIsNoFrame() {
		this.parser.accept("\n");
		this.parser.accept("\n");

		assertThat(this.frames).isEmpty();
		assertThat(this.parser.hasUnfinishedFrame()).isFalse();
	}

	@Test
	void joinsAFrameSplitAcrossMessagesWhereverTheSplitFalls() {
		String stream = "\n" + CONNECTED + "\0" + MESSAGE + "\0\n" + MESSAGE + "\0";
		for (int split = 0; split <= stream.length(); split++) {
			List<String> received = new ArrayList<>();
			FrameParser parser = new FrameParser((text, from, to) -> received.add(text.subSequence(from, to).toString()));

			parser.accept(stream.substring(0, split));
			parser.accept(stream.substring(split));

			assertThat(received).as("split at %d", split).containsExactly(CONNECTED, MESSAGE, MESSAGE);
			assertThat(parser.hasUnfinishedFrame()).isFalse();
		}
	}

	@Test
	void joinsAFrameSentOneCharacterAtATime() {
		String stream = MESSAGE + "\0" + CONNECTED + "\0";
		for (char c : stream.toCharArray()) {
			this.parser.accept(String.valueOf(c));
		}

		assertThat(this.frames).containsExactly(MESSAGE, CONNECTED);
	}

	@Test
	void waitsForTheRestOfAnUnfinishedFrame() {
		this.parser.accept(MESSAGE + "\0" + MESSAGE.substring(0, 20));

		assertThat(this.frames).containsExactly(MESSAGE);
		assertThat(this.parser.hasUnfinishedFrame()).isTrue();

		this.parser.accept(MESSAGE.substring(20) + "\0");

		assertThat(this.frames).containsExactly(MESSAGE, MESSAGE);
		assertThat(this.parser.hasUnfinishedFrame()).isFalse();
	}

}
