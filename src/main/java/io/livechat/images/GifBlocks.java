package io.livechat.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A GIF copied block by block, keeping every frame (an animation stays animated), its timing and
 * its loop count. Comments, plain-text blocks, other applications' blocks (XMP among them) and
 * anything after the trailer are left out. Every frame must lie within the logical screen, whose
 * size was checked before: no frame can be bigger than the image says it is.
 */
final class GifBlocks {

	private static final int EXTENSION = 0x21;

	private static final int IMAGE = 0x2c;

	private static final int TRAILER = 0x3b;

	private static final int GRAPHIC_CONTROL = 0xf9;

	private static final int APPLICATION = 0xff;

	private GifBlocks() {
	}

	static void copyWithoutMetadata(InputStream in, ImageBuffer out) throws IOException {
		byte[] head = ImageStreams.read(in, 13, ImageFormat.GIF); // signature and logical screen
		out.write(head);
		long screenWidth = ImageHeader.littleEndian(head, 6, 2);
		long screenHeight = ImageHeader.littleEndian(head, 8, 2);
		copyColourTable(head[10], in, out);
		while (true) {
			int block = ImageStreams.readByte(in, ImageFormat.GIF);
			switch (block) {
				case IMAGE -> {
					byte[] descriptor = ImageStreams.read(in, 9, ImageFormat.GIF);
					long right = ImageHeader.littleEndian(descriptor, 0, 2) + ImageHeader.littleEndian(descriptor, 4, 2);
					long bottom = ImageHeader.littleEndian(descriptor, 2, 2) + ImageHeader.littleEndian(descriptor, 6, 2);
					if (right > screenWidth || bottom > screenHeight) {
						throw ImageStreams.broken(ImageFormat.GIF, "a frame lies outside the image");
					}
					out.write(block);
					out.write(descriptor);
					copyColourTable(descriptor[8], in, out);
					out.write(ImageStreams.readByte(in, ImageFormat.GIF)); // LZW minimum code size
					subBlocks(in, out);
				}
				case EXTENSION -> extension(in, out);
				case TRAILER -> {
					out.write(block);
					return;
				}
				default -> throw ImageStreams.broken(ImageFormat.GIF, "an unknown block");
			}
		}
	}

	private static void extension(InputStream in, ImageBuffer out) throws IOException {
		int label = ImageStreams.readByte(in, ImageFormat.GIF);
		if (label == GRAPHIC_CONTROL) {
			out.write(EXTENSION);
			out.write(label);
			subBlocks(in, out);
			return;
		}
		if (label == APPLICATION) {
			int size = ImageStreams.readByte(in, ImageFormat.GIF);
			byte[] identifier = ImageStreams.read(in, size, ImageFormat.GIF);
			String application = new String(identifier, StandardCharsets.ISO_8859_1);
			if (application.equals("NETSCAPE2.0") || application.equals("ANIMEXTS1.0")) { // the loop count
				out.write(EXTENSION);
				out.write(label);
				out.write(size);
				out.write(identifier);
				subBlocks(in, out);
				return;
			}
		}
		subBlocks(in, OutputStream.nullOutputStream()); // comments, plain text, other applications
	}

	/** Data sub-blocks: each a length byte and that many bytes, ended by a zero length. */
	private static void subBlocks(InputStream in, OutputStream out) throws IOException {
		while (true) {
			int size = ImageStreams.readByte(in, ImageFormat.GIF);
			out.write(size);
			if (size == 0) {
				return;
			}
			ImageStreams.copy(in, out, size, ImageFormat.GIF);
		}
	}

	/** A colour table follows when the packed byte's top bit is set: 3 x 2^(n + 1) bytes. */
	private static void copyColourTable(byte packed, InputStream in, OutputStream out) throws IOException {
		if ((packed & 0x80) != 0) {
			ImageStreams.copy(in, out, 3L * (1 << ((packed & 0x07) + 1)), ImageFormat.GIF);
		}
	}

}
