package io.livechat.images;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A WebP copied chunk by chunk, keeping the image data (lossy, lossless, alpha) and an
 * animation's frames; EXIF, XMP, colour profiles, unknown chunks and anything past the RIFF
 * size are left out, the extended header's flags for them cleared and the RIFF size counted
 * again.
 */
final class WebpChunks {

	private static final Set<String> KEPT = Set.of("VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF");

	/** The VP8X flags for an ICC profile, EXIF and XMP. */
	private static final int METADATA_FLAGS = 0x20 | 0x08 | 0x04;

	private WebpChunks() {
	}

	static void copyWithoutMetadata(InputStream in, ImageBuffer out) throws IOException {
		byte[] riff = ImageStreams.read(in, 12, ImageFormat.WEBP);
		long left = ImageHeader.littleEndian(riff, 4, 4) - 4; // the size counts "WEBP" and the chunks
		out.write(riff);
		while (left > 0) {
			byte[] head = ImageStreams.read(in, 8, ImageFormat.WEBP);
			String type = new String(head, 0, 4, StandardCharsets.ISO_8859_1);
			long size = ImageHeader.littleEndian(head, 4, 4);
			long padded = size + (size & 1);
			if (8 + padded > left) {
				throw ImageStreams.broken(ImageFormat.WEBP, "a chunk runs past the end of the file");
			}
			left -= 8 + padded;
			if (!KEPT.contains(type)) {
				ImageStreams.skip(in, padded, ImageFormat.WEBP);
				continue;
			}
			out.write(head);
			if (type.equals("VP8X")) {
				if (size < 10) {
					throw ImageStreams.broken(ImageFormat.WEBP, "its extended header is too short");
				}
				int flags = ImageStreams.readByte(in, ImageFormat.WEBP);
				out.write(flags & ~METADATA_FLAGS);
				padded--;
			}
			ImageStreams.copy(in, out, padded, ImageFormat.WEBP);
		}
		out.putLittleEndianInt(4, out.size() - 8);
	}

}
