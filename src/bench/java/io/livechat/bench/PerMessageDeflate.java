package io.livechat.bench;

import java.net.ProtocolException;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * RFC 7692's permessage-deflate from a client's side: the offer Chromium makes, what the server
 * agreed to, and the messages compressed and inflated.
 * <p>
 * Received messages are inflated with one {@link Inflater} per connection that keeps its window
 * from message to message, as the server's compressor may. Sent messages are compressed each on
 * its own by a fresh deflate stream (one {@link Deflater} per sending thread, reset per
 * message), which every agreement allows: a decompressor that keeps its window needs no
 * back-reference to use it, and a message compressed alone reaches back no further than its own
 * length, so it is compressed only when that length fits the window the server allowed. A
 * {@code Deflater} costs some 256 kB of native memory, too much to keep one per connection.
 */
final class PerMessageDeflate {

	/** What Chromium sends in {@code Sec-WebSocket-Extensions}. */
	static final String CHROMIUM_OFFER = "permessage-deflate; client_max_window_bits";

	private static final byte[] TAIL = { 0, 0, (byte) 0xFF, (byte) 0xFF };

	private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(Deflater.DEFAULT_COMPRESSION, true));

	private final Agreement agreement;

	private Inflater inflater;

	PerMessageDeflate(Agreement agreement) {
		this.agreement = agreement;
	}

	Agreement agreement() {
		return this.agreement;
	}

	/** The server's answer to the offer: its parameters, with RFC 7692's defaults for those it left out. */
	record Agreement(boolean serverNoContextTakeover, boolean clientNoContextTakeover, int serverMaxWindowBits,
			int clientMaxWindowBits) {

		/**
		 * Reads a {@code Sec-WebSocket-Extensions} answer to {@link #CHROMIUM_OFFER}; fails on
		 * anything else (another extension, several, a parameter not allowed or given twice).
		 */
		static Agreement parse(String header) throws ProtocolException {
			if (header.indexOf(',') >= 0) {
				throw new ProtocolException("the server accepted several extensions: " + header);
			}
			String[] parts = header.split(";");
			if (!parts[0].trim().equalsIgnoreCase("permessage-deflate")) {
				throw new ProtocolException("the server accepted an extension not offered: " + header);
			}
			boolean serverNoContextTakeover = false;
			boolean clientNoContextTakeover = false;
			int serverBits = -1;
			int clientBits = -1;
			for (int i = 1; i < parts.length; i++) {
				String parameter = parts[i].trim();
				int equals = parameter.indexOf('=');
				String name = ((equals < 0) ? parameter : parameter.substring(0, equals)).trim().toLowerCase(Locale.ROOT);
				String value = (equals < 0) ? null : unquote(parameter.substring(equals + 1).trim());
				switch (name) {
					case "server_no_context_takeover" -> serverNoContextTakeover = flag(serverNoContextTakeover, name, value, header);
					case "client_no_context_takeover" -> clientNoContextTakeover = flag(clientNoContextTakeover, name, value, header);
					case "server_max_window_bits" -> serverBits = bits(serverBits, name, value, header);
					case "client_max_window_bits" -> clientBits = bits(clientBits, name, value, header);
					default -> throw new ProtocolException("an unknown permessage-deflate parameter: " + header);
				}
			}
			return new Agreement(serverNoContextTakeover, clientNoContextTakeover, (serverBits < 0) ? 15 : serverBits,
					(clientBits < 0) ? 15 : clientBits);
		}

		/** Whether a message of {@code length} bytes, compressed on its own, fits the window the client may use. */
		boolean compresses(int length) {
			return length <= (1 << this.clientMaxWindowBits);
		}

		private static boolean flag(boolean seen, String name, String value, String header) throws ProtocolException {
			if (seen || value != null) {
				throw new ProtocolException(name + " given twice or with a value: " + header);
			}
			return true;
		}

		private static int bits(int seen, String name, String value, String header) throws ProtocolException {
			if (seen >= 0 || value == null || !value.matches("[0-9]{1,2}")) {
				throw new ProtocolException(name + " given twice or without a number: " + header);
			}
			int bits = Integer.parseInt(value);
			if (bits < 8 || bits > 15) {
				throw new ProtocolException(name + " outside 8-15: " + header);
			}
			return bits;
		}

		private static String unquote(String value) {
			return (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))
					? value.substring(1, value.length() - 1) : value;
		}

	}

	/**
	 * {@code payload[0, length)} compressed as one message, without the trailing
	 * {@code 00 00 FF FF}; null when the agreement does not let it be compressed alone.
	 */
	byte[] compress(byte[] payload, int length) {
		if (!this.agreement.compresses(length)) {
			return null;
		}
		return deflate(payload, length);
	}

	static byte[] deflate(byte[] payload, int length) {
		Deflater deflater = DEFLATERS.get();
		deflater.reset();
		deflater.setInput(payload, 0, length);
		byte[] out = new byte[length + 64];
		int written = 0;
		for (int round = 0; round < 32; round++) {
			written += deflater.deflate(out, written, out.length - written, Deflater.SYNC_FLUSH);
			if (written < out.length) {
				break;
			}
			out = Arrays.copyOf(out, out.length * 2);
		}
		if (written >= TAIL.length && Arrays.equals(out, written - TAIL.length, written, TAIL, 0, TAIL.length)) {
			written -= TAIL.length;
		}
		return Arrays.copyOf(out, written);
	}

	/** Inflates one compressed message, {@code data[from, from + length)}, into {@code out} (cleared first). */
	void inflate(byte[] data, int from, int length, ByteBuilder out) throws ProtocolException {
		if (this.inflater == null) {
			this.inflater = new Inflater(true);
		}
		out.clear();
		try {
			this.inflater.setInput(data, from, length);
			drain(out);
			if (!this.inflater.finished()) {
				this.inflater.setInput(TAIL);
				drain(out);
			}
			if (this.inflater.finished()) {
				// a final block ends the stream: the next message starts a new one
				this.inflater.reset();
			}
		}
		catch (DataFormatException ex) {
			throw new ProtocolException("a compressed message that does not inflate: " + ex.getMessage());
		}
	}

	/** Frees the inflater's native memory; safe to call more than once. */
	void end() {
		Inflater inflater = this.inflater;
		if (inflater != null) {
			inflater.end();
		}
	}

	private void drain(ByteBuilder out) throws DataFormatException, ProtocolException {
		for (int round = 0; round < 4096; round++) {
			if (out.spare() == 0) {
				out.reserve(Math.max(256, out.length()));
			}
			int inflated = this.inflater.inflate(out.array(), out.length(), out.spare());
			out.advance(inflated);
			if (inflated == 0) {
				if (this.inflater.needsDictionary()) {
					throw new DataFormatException("a preset dictionary");
				}
				if (this.inflater.needsInput() || this.inflater.finished()) {
					return;
				}
			}
		}
		throw new ProtocolException("a compressed message that does not end");
	}

}
