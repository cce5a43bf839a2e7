package io.livechat.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Reading an image file piece by piece, where ending early means the file is cut short. */
final class ImageStreams {

	private static final int CHUNK = 8192;

	private ImageStreams() {
	}

	static byte[] read(InputStream in, int length, ImageFormat format) throws IOException {
		byte[] bytes = in.readNBytes(length);
		if (bytes.length < length) {
			throw cutShort(format);
		}
		return bytes;
	}

	static int readByte(InputStream in, ImageFormat format) throws IOException {
		int b = in.read();
		if (b < 0) {
			throw cutShort(format);
		}
		return b;
	}

	/** Copies exactly {@code length} bytes, a buffer at a time. */
	static void copy(InputStream in, OutputStream out, long length, ImageFormat format) throws IOException {
		byte[] buffer = new byte[(int) Math.min(CHUNK, Math.max(length, 1))];
		long left = length;
		while (left > 0) {
			int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
			if (read < 0) {
				throw cutShort(format);
			}
			out.write(buffer, 0, read);
			left -= read;
		}
	}

	static void skip(InputStream in, long length, ImageFormat format) throws IOException {
		copy(in, OutputStream.nullOutputStream(), length, format);
	}

	static UnsupportedImageException cutShort(ImageFormat format) {
		return new UnsupportedImageException("The " + format.label() + " is cut short.");
	}

	static UnsupportedImageException broken(ImageFormat format, String what) {
		return new UnsupportedImageException("The " + format.label() + " is broken: " + what + ".");
	}

}
