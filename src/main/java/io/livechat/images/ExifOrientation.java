package io.livechat.images;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The orientation tag (0x0112) of a JPEG's EXIF segment, 1 to 8: which way the camera was held.
 * Read from the first directory only, every offset checked against the segment's length.
 */
final class ExifOrientation {

	private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

	private static final int TIFF = EXIF.length;

	private static final int TAG = 0x0112;

	private static final int SHORT = 3;

	private ExifOrientation() {
	}

	/** The orientation an APP1 segment's body holds; 1 (as taken) when it holds none. */
	static int of(byte[] segment) {
		if (segment.length < TIFF + 8 || !Arrays.equals(segment, 0, TIFF, EXIF, 0, TIFF)) {
			return 1;
		}
		boolean little = segment[TIFF] == 'I' && segment[TIFF + 1] == 'I';
		boolean big = segment[TIFF] == 'M' && segment[TIFF + 1] == 'M';
		if (!little && !big) {
			return 1;
		}
		long directory = TIFF + number(segment, TIFF + 4, 4, little);
		if (directory + 2 > segment.length) {
			return 1;
		}
		long entries = number(segment, (int) directory, 2, little);
		for (int i = 0; i < entries; i++) {
			long entry = directory + 2 + 12L * i;
			if (entry + 12 > segment.length) {
				return 1;
			}
			int at = (int) entry;
			if (number(segment, at, 2, little) == TAG && number(segment, at + 2, 2, little) == SHORT) {
				long value = number(segment, at + 8, 2, little);
				return (value >= 1 && value <= 8) ? (int) value : 1;
			}
		}
		return 1;
	}

	/** An APP1 body holding an EXIF directory with nothing but the orientation. */
	static byte[] segment(int orientation) {
		byte[] tiff = { 'M', 'M', 0, 42, 0, 0, 0, 8, // big-endian, the directory at 8
				0, 1, // one entry
				0x01, 0x12, 0, SHORT, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // orientation, one short
				0, 0, 0, 0 }; // no next directory
		byte[] body = Arrays.copyOf(EXIF, EXIF.length + tiff.length);
		System.arraycopy(tiff, 0, body, EXIF.length, tiff.length);
		return body;
	}

	/** Whether the picture lies on its side (5 to 8): its width and height swap when shown. */
	static boolean turnsSideways(int orientation) {
		return orientation >= 5;
	}

	private static long number(byte[] bytes, int offset, int length, boolean little) {
		return little ? ImageHeader.littleEndian(bytes, offset, length) : ImageHeader.bigEndian(bytes, offset, length);
	}

}
