package io.livechat.images;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What an image file says about itself before anything decodes it: its format, recognised by
 * its signature (never by a name or a declared type), and its size in pixels, read from the
 * header, so that a file too big to decode can be refused before it is.
 *
 * @param format what the signature says the file is
 * @param width the width the header declares, 1 or more
 * @param height the height the header declares, 1 or more
 */
public record ImageHeader(ImageFormat format, int width, int height) {

	/** How many bytes {@link #read} takes first: all of a PNG, GIF or WebP header (a JPEG's needs more). */
	public static final int LENGTH = 32;

	public ImageHeader {
		if (width < 1 || height < 1) {
			throw new IllegalArgumentException("An image is at least 1 x 1, got " + width + " x " + height);
		}
	}

	public long pixels() {
		return (long) this.width * this.height;
	}

	/**
	 * The header of the image that {@code in} begins with. Reads the first {@link #LENGTH} bytes;
	 * for a JPEG, on through its segments (its metadata comes first) to its frame header, so the
	 * caller bounds what {@code in} may give.
	 * @throws UnsupportedImageException when the bytes are none of the formats, or a header is cut
	 * short or declares no pixels
	 * @throws UncheckedIOException when {@code in} cannot be read
	 */
	public static ImageHeader read(InputStream in) {
		try {
			byte[] head = in.readNBytes(LENGTH);
			return switch (ImageFormat.of(head)) {
				case PNG -> png(head);
				case GIF -> gif(head);
				case WEBP -> webp(head);
				case JPEG -> jpeg(new SequenceInputStream(new ByteArrayInputStream(head, 2, head.length - 2), in));
			};
		}
		catch (EOFException ex) { // a JPEG segment longer than the file
			throw new UnsupportedImageException("The JPEG is cut short before its frame header.");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * JPEG: segments, each a marker (ff xx) and a 2-byte length that counts itself, up to the
	 * first start of frame (SOF0-SOF15 but DHT c4, JPG c8 and DAC cc): its height, then width.
	 */
	private static ImageHeader jpeg(InputStream in) throws IOException {
		while (true) {
			int marker = nextMarker(in);
			if (marker == 0xd9 || marker == 0xda) { // end of image, start of scan: no frame before them
				throw new UnsupportedImageException("The JPEG has no frame header before its image data.");
			}
			if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { // no length follows these
				continue;
			}
			byte[] length = in.readNBytes(2);
			need(length, 2, "JPEG");
			int size = (int) bigEndian(length, 0, 2) - 2;
			if (size < 0) {
				throw new UnsupportedImageException("The JPEG has a segment of a negative length.");
			}
			if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc) {
				byte[] frame = in.readNBytes(5);
				need(frame, 5, "JPEG");
				return sized(ImageFormat.JPEG, bigEndian(frame, 3, 2), bigEndian(frame, 1, 2));
			}
			in.skipNBytes(size);
		}
	}

	/** The next marker's code; ff bytes may pad before it. */
	private static int nextMarker(InputStream in) throws IOException {
		int b = in.read();
		if (b != 0xff) {
			throw new UnsupportedImageException((b < 0) ? "The JPEG is cut short before its frame header."
					: "The JPEG's segments are broken.");
		}
		while (b == 0xff) {
			b = in.read();
		}
		if (b < 0) {
			throw new UnsupportedImageException("The JPEG is cut short before its frame header.");
		}
		return b;
	}

	/** PNG: the IHDR chunk comes first, its width and height as 4-byte big-endian numbers. */
	private static ImageHeader png(byte[] head) {
		need(head, 24, "PNG");
		if (!Arrays.equals(head, 12, 16, "IHDR".getBytes(StandardCharsets.US_ASCII), 0, 4)) {
			throw new UnsupportedImageException("The PNG does not begin with its IHDR chunk.");
		}
		return sized(ImageFormat.PNG, bigEndian(head, 16, 4), bigEndian(head, 20, 4));
	}

	/** GIF: the logical screen's width and height, 2-byte little-endian numbers after the signature. */
	private static ImageHeader gif(byte[] head) {
		need(head, 10, "GIF");
		return sized(ImageFormat.GIF, littleEndian(head, 6, 2), littleEndian(head, 8, 2));
	}

	/** WebP: after the RIFF header, a lossy (VP8), lossless (VP8L) or extended (VP8X) first chunk. */
	private static ImageHeader webp(byte[] head) {
		need(head, 30, "WebP");
		String chunk = new String(head, 12, 4, StandardCharsets.US_ASCII);
		return switch (chunk) {
			case "VP8 " -> { // a key frame: start code 9d 01 2a, then 14-bit width and height
				if ((head[23] & 0xff) != 0x9d || (head[24] & 0xff) != 0x01 || (head[25] & 0xff) != 0x2a) {
					throw new UnsupportedImageException("The WebP's first frame is not a key frame.");
				}
				yield sized(ImageFormat.WEBP, littleEndian(head, 26, 2) & 0x3fff, littleEndian(head, 28, 2) & 0x3fff);
			}
			case "VP8L" -> { // signature 0x2f, then width - 1 and height - 1 in 14 bits each
				if ((head[20] & 0xff) != 0x2f) {
					throw new UnsupportedImageException("The lossless WebP has no signature.");
				}
				long bits = littleEndian(head, 21, 4);
				yield sized(ImageFormat.WEBP, (bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
			}
			case "VP8X" -> sized(ImageFormat.WEBP, littleEndian(head, 24, 3) + 1, littleEndian(head, 27, 3) + 1);
			default -> throw new UnsupportedImageException("The WebP's first chunk is none of VP8, VP8L and VP8X.");
		};
	}

	static ImageHeader sized(ImageFormat format, long width, long height) {
		if (width < 1 || height < 1 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
			throw new UnsupportedImageException("The " + format.label() + " declares a size of " + width + " x "
					+ height + " pixels.");
		}
		return new ImageHeader(format, (int) width, (int) height);
	}

	private static void need(byte[] head, int length, String what) {
		if (head.length < length) {
			throw new UnsupportedImageException("The " + what + " is cut short before the end of its header.");
		}
	}

	static long bigEndian(byte[] bytes, int offset, int length) {
		long value = 0;
		for (int i = 0; i < length; i++) {
			value = (value << 8) | (bytes[offset + i] & 0xff);
		}
		return value;
	}

	static long littleEndian(byte[] bytes, int offset, int length) {
		long value = 0;
		for (int i = length - 1; i >= 0; i--) {
			value = (value << 8) | (bytes[offset + i] & 0xff);
		}
		return value;
	}

}
