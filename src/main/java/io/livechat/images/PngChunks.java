package io.livechat.images;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A PNG copied chunk by chunk, keeping only what draws the picture: the critical chunks, the
 * colour and transparency ones and those of an animated PNG. Text (tEXt, zTXt, iTXt), EXIF,
 * times, colour profiles, unknown chunks and anything after IEND (a ZIP or an HTML page
 * appended to the file) are left out.
 */
final class PngChunks {

	private static final Set<String> KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB",
			"sBIT", "bKGD", "pHYs", "acTL", "fcTL", "fdAT");

	private static final int SIGNATURE_LENGTH = 8;

	private PngChunks() {
	}

	static void copyWithoutMetadata(InputStream in, ImageBuffer out) throws IOException {
		out.write(ImageStreams.read(in, SIGNATURE_LENGTH, ImageFormat.PNG));
		while (true) {
			byte[] head = ImageStreams.read(in, 8, ImageFormat.PNG);
			long length = ImageHeader.bigEndian(head, 0, 4);
			if (length > Integer.MAX_VALUE) {
				throw ImageStreams.broken(ImageFormat.PNG, "a chunk claims more than 2 GB");
			}
			String type = new String(head, 4, 4, StandardCharsets.ISO_8859_1);
			if (KEPT.contains(type)) {
				out.write(head);
				ImageStreams.copy(in, out, length + 4, ImageFormat.PNG); // data and CRC
			}
			else {
				ImageStreams.skip(in, length + 4, ImageFormat.PNG);
			}
			if (type.equals("IEND")) {
				return;
			}
		}
	}

}
