package io.livechat.images;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The image formats LiveChat accepts, each recognised by the signature its files begin with. */
public enum ImageFormat {

	PNG("PNG", "image/png"), JPEG("JPEG", "image/jpeg"), GIF("GIF", "image/gif"), WEBP("WebP", "image/webp");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private final String label;

	private final String mediaType;

	ImageFormat(String label, String mediaType) {
		this.label = label;
		this.mediaType = mediaType;
	}

	public String label() {
		return this.label;
	}

	/** The media type images of this format are served as. */
	public String mediaType() {
		return this.mediaType;
	}

	/**
	 * The format whose signature the bytes begin with.
	 * @throws UnsupportedImageException when they begin with none of them
	 */
	public static ImageFormat of(byte[] head) {
		if (startsWith(head, 0, PNG_SIGNATURE)) {
			return PNG;
		}
		if (head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
			return JPEG;
		}
		if (startsWith(head, 0, ascii("GIF87a")) || startsWith(head, 0, ascii("GIF89a"))) {
			return GIF;
		}
		if (startsWith(head, 0, ascii("RIFF")) && startsWith(head, 8, ascii("WEBP"))) {
			return WEBP;
		}
		throw new UnsupportedImageException("This is not a PNG, JPEG, GIF or WebP image.");
	}

	private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
		return bytes.length >= offset + prefix.length
				&& Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
