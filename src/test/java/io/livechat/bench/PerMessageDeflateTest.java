package io.livechat.bench;

import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PerMessageDeflateTest {

	@Test
	void offersWhatChromiumOffers() {
		assertThat(PerMessageDeflate.CHROMIUM_OFFER).isEqualTo("permessage-deflate; client_max_window_bits");
	}

	@Nested
	class ReadingTheServersAnswer {

		@Test
		void tomcatsAnswer() throws Exception {
			PerMessageDeflate.Agreement agreement = PerMessageDeflate.Agreement
				.parse("permessage-deflate;client_max_window_bits=15");

			assertThat(agreement).isEqualTo(new PerMessageDeflate.Agreement(false, false, 15, 15));
		}

		@Test
		void everyParameter() throws Exception {
			PerMessageDeflate.Agreement agreement = PerMessageDeflate.Agreement.parse(
					"permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=10;"
							+ " client_max_window_bits=\"9\"");

			assertThat(agreement).isEqualTo(new PerMessageDeflate.Agreement(true, true, 10, 9));
		}

		@Test
		void theDefaultsWhenNoneIsGiven() throws Exception {
			assertThat(PerMessageDeflate.Agreement.parse("permessage-deflate"))
				.isEqualTo(new PerMessageDeflate.Agreement(false, false, 15, 15));
		}

		@ParameterizedTest
		@ValueSource(strings = { "x-webkit-deflate-frame", "permessage-deflate, permessage-deflate",
				"permessage-deflate; client_max_window_bits", "permessage-deflate; client_max_window_bits=7",
				"permessage-deflate; server_max_window_bits=16", "permessage-deflate; server_no_context_takeover=1",
				"permessage-deflate; server_no_context_takeover; server_no_context_takeover",
				"permessage-deflate; mystery" })
		void refusesAnythingElse(String header) {
			assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> PerMessageDeflate.Agreement.parse(header));
		}

		@Test
		void aMessageIsCompressedAloneOnlyWhenItFitsTheClientsWindow() {
			PerMessageDeflate.Agreement nine = new PerMessageDeflate.Agreement(false, false, 15, 9);

			assertThat(nine.compresses(512)).isTrue();
			assertThat(nine.compresses(513)).isFalse();
			assertThat(new PerMessageDeflate.Agreement(false, false, 15, 15).compresses(32_768)).isTrue();
		}

	}

	@Nested
	class Sending {

		@Test
		void compressesEachMessageIntoARawDeflateBlockWithoutTheTrailingEmptyBlock() throws Exception {
			byte[] text = "SEND\ndestination:/app/send\n\n{\"room\":\"general\",\"text\":\"~LG|ab1|0|1|5\"}\0"
				.getBytes(StandardCharsets.UTF_8);
			PerMessageDeflate deflate = new PerMessageDeflate(new PerMessageDeflate.Agreement(false, false, 15, 15));

			byte[] first = deflate.compress(text, text.length);
			byte[] second = deflate.compress(text, text.length);

			assertThat(first).isEqualTo(second).as("compressed alone, no window carried over");
			assertThat(Arrays.copyOfRange(first, first.length - 4, first.length)).isNotEqualTo(new byte[] { 0, 0, -1, -1 });
			Inflater server = new Inflater(true);
			assertThat(inflate(server, first)).isEqualTo(new String(text, StandardCharsets.UTF_8));
			assertThat(inflate(server, second)).as("by a server that keeps its window").isEqualTo(new String(text,
					StandardCharsets.UTF_8));
		}

		@Test
		void leavesUncompressedWhatIsTooLongForTheAgreedWindow() {
			PerMessageDeflate deflate = new PerMessageDeflate(new PerMessageDeflate.Agreement(false, false, 15, 8));

			assertThat(deflate.compress(new byte[300], 300)).isNull();
			assertThat(deflate.compress(new byte[200], 200)).isNotNull();
		}

		private static String inflate(Inflater inflater, byte[] message) throws Exception {
			byte[] whole = Arrays.copyOf(message, message.length + 4);
			whole[message.length + 2] = (byte) 0xFF;
			whole[message.length + 3] = (byte) 0xFF;
			inflater.setInput(whole);
			byte[] out = new byte[4096];
			int length = inflater.inflate(out);
			return new String(out, 0, length, StandardCharsets.UTF_8);
		}

	}

	@Nested
	class Receiving {

		private final PerMessageDeflate deflate = new PerMessageDeflate(new PerMessageDeflate.Agreement(false, false, 15, 15));

		private final ByteBuilder out = new ByteBuilder(1 << 20);

		@Test
		void inflatesMessagesOfAServerThatKeepsItsWindowFromMessageToMessage() throws Exception {
			Deflater server = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
			String message = "{\"type\":\"message\",\"id\":1,\"room\":\"general\",\"text\":\"~LG|ab1|0|1|5\"}";

			byte[] first = serverCompresses(server, message);
			byte[] second = serverCompresses(server, message);

			assertThat(second.length).as("the second refers back to the first").isLessThan(first.length);
			assertThat(inflated(first)).isEqualTo(message);
			assertThat(inflated(second)).isEqualTo(message);
		}

		@Test
		void inflatesAMessageLargerThanItsFirstBuffer() throws Exception {
			String large = "lgab1-".repeat(20_000);

			assertThat(inflated(serverCompresses(new Deflater(Deflater.DEFAULT_COMPRESSION, true), large))).isEqualTo(large);
		}

		@Test
		void refusesWhatDoesNotInflate() {
			byte[] garbage = { (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x12 };

			assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> inflated(garbage));
		}

		@Test
		void refusesAMessageThatInflatesPastTheLimit() throws Exception {
			ByteBuilder small = new ByteBuilder(1000);
			byte[] compressed = serverCompresses(new Deflater(Deflater.DEFAULT_COMPRESSION, true), "a".repeat(5000));

			assertThatExceptionOfType(ProtocolException.class)
				.isThrownBy(() -> this.deflate.inflate(compressed, 0, compressed.length, small))
				.withMessageContaining("more than 1000 bytes");
		}

		private String inflated(byte[] compressed) throws Exception {
			this.deflate.inflate(compressed, 0, compressed.length, this.out);
			return new String(this.out.array(), 0, this.out.length(), StandardCharsets.UTF_8);
		}

		/** As a server with context takeover does it: one stream, a sync flush per message, the tail cut off. */
		private static byte[] serverCompresses(Deflater server, String message) {
			server.setInput(message.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[message.length() + 1024];
			int length = server.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
			return Arrays.copyOf(out, length - 4);
		}

	}

}
