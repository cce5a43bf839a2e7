package io.livechat.bench;

import java.net.ProtocolException;
import java.util.Arrays;

/**
 * Bytes appended at the end and consumed from the front, in one array that grows on demand up
 * to a limit: a partial WebSocket frame waiting for its rest, a fragmented message, an inflated
 * one. Empty, it holds no array. Not thread-safe.
 */
final class ByteBuilder {

	private static final byte[] NONE = {};

	private final int limit;

	private byte[] bytes = NONE;

	private int length;

	ByteBuilder(int limit) {
		this.limit = limit;
	}

	byte[] array() {
		return this.bytes;
	}

	int length() {
		return this.length;
	}

	boolean isEmpty() {
		return this.length == 0;
	}

	void clear() {
		this.length = 0;
	}

	/** Drops the array too, for a builder that is rarely used again. */
	void release() {
		this.bytes = NONE;
		this.length = 0;
	}

	void append(byte[] data, int from, int count) throws ProtocolException {
		reserve(count);
		System.arraycopy(data, from, this.bytes, this.length, count);
		this.length += count;
	}

	/** Removes the first {@code count} bytes. */
	void removeFirst(int count) {
		System.arraycopy(this.bytes, count, this.bytes, 0, this.length - count);
		this.length -= count;
	}

	/** Makes room for {@code count} more bytes after {@link #length()}; fails past the limit. */
	void reserve(int count) throws ProtocolException {
		long needed = (long) this.length + count;
		if (needed > this.limit) {
			throw new ProtocolException("more than " + this.limit + " bytes in one message");
		}
		if (needed > this.bytes.length) {
			long grown = Math.max(needed, Math.max(256, 2L * this.bytes.length));
			this.bytes = Arrays.copyOf(this.bytes, (int) Math.min(this.limit, grown));
		}
	}

	/** Counts {@code count} bytes written into {@link #array()} after {@link #length()}. */
	void advance(int count) {
		this.length += count;
	}

	/** Room left in the array after {@link #length()}. */
	int spare() {
		return this.bytes.length - this.length;
	}

}
