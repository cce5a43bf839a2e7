package io.livechat.bench;

import java.io.ByteArrayOutputStream;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WebSocketFramesTest {

	private final List<String> frames = new ArrayList<>();

	private final WebSocketFrames reader = new WebSocketFrames((fin, rsv1, opcode, data, from, length) -> this.frames
		.add((fin ? "fin " : "") + (rsv1 ? "rsv1 " : "") + opcode + ":" + new String(data, from, length, StandardCharsets.UTF_8)),
			100_000);

	@Test
	void handsOverEveryFrameOfARead() throws Exception {
		byte[] stream = concat(serverFrame(0x81, "40"), serverFrame(0x81, "2"), serverFrame(0x89, "p"));

		this.reader.accept(stream, 0, stream.length);

		assertThat(this.frames).containsExactly("fin 1:40", "fin 1:2", "fin 9:p");
		assertThat(this.reader.hasUnfinishedFrame()).isFalse();
	}

	@Test
	void joinsFramesSplitAcrossReadsWhereverTheSplitFalls() throws Exception {
		String medium = "m".repeat(300);
		String large = "L".repeat(70_000);
		byte[] stream = concat(serverFrame(0x81, "first"), serverFrame(0xC1, medium), serverFrame(0x01, "part"),
				serverFrame(0x80, "rest"), serverFrame(0x81, large));
		for (int split : new int[] { 0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 300, stream.length - 70_001, stream.length - 5,
				stream.length }) {
			List<String> received = new ArrayList<>();
			WebSocketFrames reader = new WebSocketFrames(
					(fin, rsv1, opcode, data, from, length) -> received.add(opcode + ":" + length), 100_000);

			reader.accept(Arrays.copyOf(stream, split), 0, split);
			reader.accept(stream, split, stream.length);

			assertThat(received).as("split at %d", split).containsExactly("1:5", "1:300", "1:4", "0:4", "1:70000");
			assertThat(reader.hasUnfinishedFrame()).isFalse();
		}
	}

	@Test
	void readsFramesOneByteAtATime() throws Exception {
		byte[] stream = concat(serverFrame(0x81, "x".repeat(200)), serverFrame(0x88, "\u0003\u00e8"));
		for (int i = 0; i < stream.length; i++) {
			this.reader.accept(stream, i, i + 1);
		}

		assertThat(this.frames).hasSize(2);
		assertThat(this.frames.get(1)).startsWith("fin 8:");
	}

	@Test
	void tellsCompressedFramesByTheirFirstReservedBit() throws Exception {
		byte[] frame = serverFrame(0xC1, "z");

		this.reader.accept(frame, 0, frame.length);

		assertThat(this.frames).containsExactly("fin rsv1 1:z");
	}

	@Test
	void refusesAMaskedFrameFromTheServer() {
		ByteBuffer masked = WebSocketFrames.frame(WebSocketFrames.TEXT, false, "hi".getBytes(StandardCharsets.UTF_8), 2, 7);

		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> this.reader.accept(masked.array(), 0, masked.limit()))
			.withMessageContaining("masked");
	}

	@Test
	void refusesAFrameLargerThanTheLimit() {
		byte[] frame = serverFrame(0x81, "y".repeat(100_001));

		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> this.reader.accept(frame, 0, 10))
			.withMessageContaining("100001 bytes");
	}

	@Test
	void masksWhatItSendsWithTheGivenKeyAndTheRightLength() {
		for (int length : new int[] { 0, 125, 126, 65_535, 65_536 }) {
			byte[] payload = new byte[length];
			Arrays.fill(payload, (byte) 'a');

			ByteBuffer frame = WebSocketFrames.frame(WebSocketFrames.TEXT, true, payload, length, 0x01020304);

			int header = (length < 126) ? 2 : (length < 65_536) ? 4 : 10;
			assertThat(frame.remaining()).as("length %d", length).isEqualTo(header + 4 + length);
			assertThat(frame.get(0)).isEqualTo((byte) 0xC1);
			assertThat(frame.get(1) & 0x80).as("mask bit").isEqualTo(0x80);
			if (length > 0) {
				assertThat(frame.get(header + 4)).isEqualTo((byte) ('a' ^ 0x01));
				assertThat(frame.get(header + 4 + (length - 1))).isEqualTo((byte) ('a' ^ (0x01 + (length - 1) % 4)));
			}
		}
	}

	@Test
	void aClosePayloadIsItsCodeThenItsReason() {
		assertThat(WebSocketFrames.closePayload(1000, "bye")).containsExactly(0x03, 0xE8, 'b', 'y', 'e');
	}

	/** An unmasked frame as a server sends it: {@code first} is FIN, RSV and opcode. */
	static byte[] serverFrame(int first, String text) {
		byte[] payload = text.getBytes(StandardCharsets.ISO_8859_1);
		return serverFrame(first, payload);
	}

	static byte[] serverFrame(int first, byte[] payload) {
		ByteArrayOutputStream frame = new ByteArrayOutputStream();
		frame.write(first);
		if (payload.length < 126) {
			frame.write(payload.length);
		}
		else if (payload.length < 65_536) {
			frame.write(126);
			frame.write(payload.length >>> 8);
			frame.write(payload.length);
		}
		else {
			frame.write(127);
			frame.writeBytes(ByteBuffer.allocate(8).putLong(payload.length).array());
		}
		frame.writeBytes(payload);
		return frame.toByteArray();
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			all.writeBytes(part);
		}
		return all.toByteArray();
	}

}
