package io.livechat.images;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The bodies of a JPEG's APP1 segments that begin "Exif", up to its first scan. */
final class ExifSegments {

	private ExifSegments() {
	}

	static List<byte[]> of(byte[] jpeg) {
		List<byte[]> found = new ArrayList<>();
		int at = 2;
		while (at + 4 <= jpeg.length && (jpeg[at] & 0xff) == 0xff) {
			int marker = jpeg[at + 1] & 0xff;
			if (marker == 0xda) {
				break;
			}
			int length = ((jpeg[at + 2] & 0xff) << 8) | (jpeg[at + 3] & 0xff);
			byte[] body = Arrays.copyOfRange(jpeg, at + 4, at + 2 + length);
			if (marker == 0xe1 && TestImages.contains(Arrays.copyOf(body, Math.min(4, body.length)), "Exif")) {
				found.add(body);
			}
			at += 2 + length;
		}
		return found;
	}

}
