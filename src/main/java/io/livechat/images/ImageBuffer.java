package io.livechat.images;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;

/**
 * The bytes of one image, written once and then read without being copied again: a stripped
 * image is held in memory once per upload.
 */
final class ImageBuffer extends ByteArrayOutputStream {

	ImageBuffer(int initialSize) {
		super(initialSize);
	}

	/** The array the bytes are in (longer than {@link #size()}); not a copy. */
	synchronized byte[] array() {
		return this.buf;
	}

	synchronized InputStream inputStream() {
		return new ByteArrayInputStream(this.buf, 0, this.count);
	}

	/** Overwrites four bytes at {@code offset} with {@code value}, least significant first (RIFF sizes). */
	synchronized void putLittleEndianInt(int offset, long value) {
		for (int i = 0; i < 4; i++) {
			this.buf[offset + i] = (byte) (value >>> (8 * i));
		}
	}

}
