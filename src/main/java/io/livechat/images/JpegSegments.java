package io.livechat.images;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A JPEG copied segment by segment, keeping the tables, the frame and the scans. Every
 * application segment (EXIF with its GPS position, XMP, ICC profiles, JFIF and its thumbnail,
 * maker notes) but Adobe's colour-transform marker is left out, as are comments and anything
 * after the end of the image. The one thing of EXIF a picture needs, which way up it is, is
 * kept: a new EXIF segment holds only the orientation (a phone photo stays upright).
 */
final class JpegSegments {

	private static final int SOI = 0xd8;

	private static final int EOI = 0xd9;

	private static final int SOS = 0xda;

	private static final int APP0 = 0xe0;

	private static final int APP1 = 0xe1;

	private static final int APP14 = 0xee;

	private static final int APP15 = 0xef;

	private static final int COM = 0xfe;

	/** Tables before the frame header are held back until the orientation is known; no more than this. */
	private static final int MAX_TABLES = 1 << 20;

	private JpegSegments() {
	}

	/** Copies the image and says its EXIF orientation (1, upright, when it has none). */
	static int copyWithoutMetadata(InputStream in, ImageBuffer out) throws IOException {
		ImageStreams.read(in, 2, ImageFormat.JPEG); // SOI, checked by the signature
		ByteArrayOutputStream tables = new ByteArrayOutputStream(4096);
		int orientation = 1;
		int marker = nextMarker(in);
		while (true) { // up to the frame: metadata out, tables held
			if (marker == SOS || isFrame(marker) || marker == EOI) {
				break;
			}
			if (isStandalone(marker)) {
				tables.write(0xff);
				tables.write(marker);
			}
			else {
				byte[] segment = segment(in);
				if (marker == APP1) {
					int found = ExifOrientation.of(segment);
					orientation = (found != 1) ? found : orientation;
				}
				if (!isMetadata(marker, segment)) {
					writeSegment(tables, marker, segment);
					if (tables.size() > MAX_TABLES) {
						throw ImageStreams.broken(ImageFormat.JPEG, "more than 1 MB of tables");
					}
				}
			}
			marker = nextMarker(in);
		}
		out.write(0xff);
		out.write(SOI);
		if (orientation != 1) {
			writeSegment(out, APP1, ExifOrientation.segment(orientation));
		}
		tables.writeTo(out);
		while (true) { // the frame, the scans and the tables between them
			if (marker == EOI) {
				out.write(0xff);
				out.write(EOI);
				return orientation;
			}
			if (isStandalone(marker)) {
				out.write(0xff);
				out.write(marker);
				marker = nextMarker(in);
				continue;
			}
			byte[] segment = segment(in);
			if (!isMetadata(marker, segment)) {
				writeSegment(out, marker, segment);
			}
			marker = (marker == SOS) ? copyScan(in, out) : nextMarker(in);
		}
	}

	/**
	 * The entropy-coded data after a scan header, up to the next marker (returned): ff 00 is a
	 * stuffed ff and ff d0-d7 a restart, both part of the data.
	 */
	private static int copyScan(InputStream in, OutputStream out) throws IOException {
		while (true) {
			int b = ImageStreams.readByte(in, ImageFormat.JPEG);
			if (b != 0xff) {
				out.write(b);
				continue;
			}
			int next = ImageStreams.readByte(in, ImageFormat.JPEG);
			while (next == 0xff) {
				next = ImageStreams.readByte(in, ImageFormat.JPEG);
			}
			if (next == 0x00 || (next >= 0xd0 && next <= 0xd7)) {
				out.write(0xff);
				out.write(next);
				continue;
			}
			return next;
		}
	}

	private static boolean isFrame(int marker) {
		return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
	}

	private static boolean isStandalone(int marker) {
		return marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7);
	}

	private static boolean isMetadata(int marker, byte[] segment) {
		if (marker == APP14) {
			return !new String(segment, 0, Math.min(5, segment.length), StandardCharsets.ISO_8859_1).equals("Adobe");
		}
		return (marker >= APP0 && marker <= APP15) || marker == COM;
	}

	/** A segment's body: its 2-byte length counts itself. */
	private static byte[] segment(InputStream in) throws IOException {
		byte[] length = ImageStreams.read(in, 2, ImageFormat.JPEG);
		int size = (int) ImageHeader.bigEndian(length, 0, 2) - 2;
		if (size < 0) {
			throw ImageStreams.broken(ImageFormat.JPEG, "a segment of a negative length");
		}
		return ImageStreams.read(in, size, ImageFormat.JPEG);
	}

	private static void writeSegment(OutputStream out, int marker, byte[] body) throws IOException {
		out.write(0xff);
		out.write(marker);
		out.write((body.length + 2) >> 8);
		out.write((body.length + 2) & 0xff);
		out.write(body);
	}

	/** The next marker's code; ff bytes may pad before it. */
	private static int nextMarker(InputStream in) throws IOException {
		if (ImageStreams.readByte(in, ImageFormat.JPEG) != 0xff) {
			throw ImageStreams.broken(ImageFormat.JPEG, "data where a segment should begin");
		}
		int b = ImageStreams.readByte(in, ImageFormat.JPEG);
		while (b == 0xff) {
			b = ImageStreams.readByte(in, ImageFormat.JPEG);
		}
		return b;
	}

}
