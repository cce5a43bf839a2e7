package io.livechat.bench;

import java.io.IOException;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * RFC 6455 frames as a client sees them: those it receives cut from the bytes of its connection
 * however they arrive, and those it sends, masked. A complete frame is handed over straight
 * from the bytes read; only an unfinished one is copied, to wait for its rest.
 * <p>
 * Not thread-safe: a connection reads on one thread.
 */
final class WebSocketFrames {

	static final int CONTINUATION = 0x0;

	static final int TEXT = 0x1;

	static final int BINARY = 0x2;

	static final int CLOSE = 0x8;

	static final int PING = 0x9;

	static final int PONG = 0xA;

	/** Receives each frame's payload as {@code data[from, from + length)}; valid during the call only. */
	@FunctionalInterface
	interface FrameSink {

		void frame(boolean fin, boolean rsv1, int opcode, byte[] data, int from, int length)
				throws IOException;

	}

	private final FrameSink sink;

	private final int maxPayload;

	private final ByteBuilder unfinished;

	WebSocketFrames(FrameSink sink, int maxPayload) {
		this.sink = sink;
		this.maxPayload = maxPayload;
		this.unfinished = new ByteBuilder(maxPayload + 14);
	}

	void accept(byte[] data, int from, int to) throws IOException {
		if (this.unfinished.isEmpty()) {
			int rest = dispatch(data, from, to);
			if (rest < to) {
				this.unfinished.append(data, rest, to - rest);
			}
			return;
		}
		this.unfinished.append(data, from, to - from);
		int rest = dispatch(this.unfinished.array(), 0, this.unfinished.length());
		if (rest == this.unfinished.length()) {
			this.unfinished.release();
		}
		else {
			this.unfinished.removeFirst(rest);
		}
	}

	/** Whether part of a frame is waiting for the rest. */
	boolean hasUnfinishedFrame() {
		return !this.unfinished.isEmpty();
	}

	/** Hands every complete frame in {@code data[from, to)} to the sink; returns where the unfinished rest starts. */
	private int dispatch(byte[] data, int from, int to) throws IOException {
		int at = from;
		while (to - at >= 2) {
			int b0 = data[at] & 0xFF;
			int b1 = data[at + 1] & 0xFF;
			if ((b1 & 0x80) != 0) {
				throw new ProtocolException("a masked frame from the server");
			}
			if ((b0 & 0x30) != 0) {
				throw new ProtocolException("RSV2 or RSV3 set: no extension negotiated them");
			}
			int header = 2;
			long length = b1 & 0x7F;
			if (length == 126) {
				if (to - at < 4) {
					return at;
				}
				length = ((data[at + 2] & 0xFF) << 8) | (data[at + 3] & 0xFF);
				header = 4;
			}
			else if (length == 127) {
				if (to - at < 10) {
					return at;
				}
				length = ByteBuffer.wrap(data, at + 2, 8).getLong();
				header = 10;
			}
			if (length < 0 || length > this.maxPayload) {
				throw new ProtocolException("a frame of " + length + " bytes, more than " + this.maxPayload);
			}
			if (to - at < header + length) {
				return at;
			}
			this.sink.frame((b0 & 0x80) != 0, (b0 & 0x40) != 0, b0 & 0x0F, data, at + header, (int) length);
			at += header + (int) length;
		}
		return at;
	}

	/** A frame of {@code payload[0, length)}, masked with {@code mask}, ready to write. */
	static ByteBuffer frame(int opcode, boolean rsv1, byte[] payload, int length, int mask) {
		int extended = (length < 126) ? 0 : (length < 65_536) ? 2 : 8;
		ByteBuffer frame = ByteBuffer.allocate(2 + extended + 4 + length);
		frame.put((byte) (0x80 | (rsv1 ? 0x40 : 0) | opcode));
		if (extended == 0) {
			frame.put((byte) (0x80 | length));
		}
		else if (extended == 2) {
			frame.put((byte) (0x80 | 126)).putShort((short) length);
		}
		else {
			frame.put((byte) (0x80 | 127)).putLong(length);
		}
		frame.putInt(mask);
		byte[] key = { (byte) (mask >>> 24), (byte) (mask >>> 16), (byte) (mask >>> 8), (byte) mask };
		byte[] out = frame.array();
		int at = frame.position();
		for (int i = 0; i < length; i++) {
			out[at + i] = (byte) (payload[i] ^ key[i & 3]);
		}
		frame.position(at + length);
		return frame.flip();
	}

	/** A Close frame's payload: the code, then the reason in UTF-8. */
	static byte[] closePayload(int code, String reason) {
		byte[] text = reason.getBytes(StandardCharsets.UTF_8);
		ByteBuffer payload = ByteBuffer.allocate(2 + text.length).putShort((short) code).put(text);
		return payload.array();
	}

}
