package io.livechat.images;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Image files made by the tests, honest and hostile: nothing is read from disk. */
public final class TestImages {

	/** A 1 x 1 lossless WebP (VP8L). */
	public static final byte[] LOSSLESS_WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

	/** A 1 x 1 lossy WebP (VP8). */
	public static final byte[] LOSSY_WEBP = Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");

	private TestImages() {
	}

	/** A picture drawn in four colours, so that its orientation shows. */
	public static BufferedImage picture(int width, int height, boolean transparent) {
		BufferedImage image = new BufferedImage(width, height,
				transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				Color colour = (y < height / 2) ? ((x < width / 2) ? Color.RED : Color.GREEN)
						: ((x < width / 2) ? Color.BLUE : Color.YELLOW);
				int alpha = (transparent && x == 0) ? 0 : 255;
				image.setRGB(x, y, (alpha << 24) | (colour.getRGB() & 0xffffff));
			}
		}
		return image;
	}

	public static byte[] encoded(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("The JDK does not write " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	public static byte[] png(int width, int height) {
		return encoded(picture(width, height, false), "png");
	}

	public static byte[] jpeg(int width, int height) {
		return encoded(picture(width, height, false), "jpeg");
	}

	public static byte[] gif(int width, int height) {
		return encoded(picture(width, height, false), "gif");
	}

	/** A PNG of random pixels (it does not compress): about {@code 3 * width * height} bytes. */
	public static byte[] noisePng(int width, int height, long seed) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(seed);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, random.nextInt(0x1000000));
			}
		}
		return encoded(image, "png");
	}

	/** An animated GIF of {@code frames} frames, looping forever. */
	public static byte[] animatedGif(int width, int height, int frames) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(output);
			writer.prepareWriteSequence(null);
			for (int i = 0; i < frames; i++) {
				BufferedImage frame = picture(width, height, false);
				frame.setRGB(i, 0, 0); // each frame differs
				ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(frame);
				IIOMetadata metadata = writer.getDefaultImageMetadata(type, null);
				String format = metadata.getNativeMetadataFormatName();
				IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
				IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
				control.setAttribute("disposalMethod", "none");
				control.setAttribute("userInputFlag", "FALSE");
				control.setAttribute("transparentColorFlag", "FALSE");
				control.setAttribute("delayTime", "10");
				control.setAttribute("transparentColorIndex", "0");
				root.appendChild(control);
				IIOMetadataNode applications = new IIOMetadataNode("ApplicationExtensions");
				IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
				loop.setAttribute("applicationID", "NETSCAPE");
				loop.setAttribute("authenticationCode", "2.0");
				loop.setUserObject(new byte[] { 1, 0, 0 });
				applications.appendChild(loop);
				root.appendChild(applications);
				metadata.setFromTree(format, root);
				writer.writeToSequence(new IIOImage(frame, null, metadata), null);
			}
			writer.endWriteSequence();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	/**
	 * {@code jpeg} with {@code segments} (each a whole segment: marker, length, body) after its SOI
	 * and its JFIF segment, if it has one (which must come first).
	 */
	public static byte[] withSegments(byte[] jpeg, byte[]... segments) {
		int at = 2;
		if ((jpeg[2] & 0xff) == 0xff && (jpeg[3] & 0xff) == 0xe0) {
			at += 2 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, at);
		for (byte[] segment : segments) {
			out.writeBytes(segment);
		}
		out.write(jpeg, at, jpeg.length - at);
		return out.toByteArray();
	}

	public static byte[] segment(int marker, byte[] body) {
		ByteBuffer segment = ByteBuffer.allocate(4 + body.length);
		segment.put((byte) 0xff).put((byte) marker).putShort((short) (body.length + 2)).put(body);
		return segment.array();
	}

	/**
	 * An EXIF APP1 segment as a phone writes it: the orientation, the camera's make, and a GPS
	 * directory holding a latitude.
	 */
	public static byte[] exifWithGps(int orientation) {
		ByteBuffer tiff = ByteBuffer.allocate(200).order(ByteOrder.BIG_ENDIAN);
		tiff.put(ascii("MM")).putShort((short) 42).putInt(8);
		tiff.putShort((short) 3); // IFD0: three entries
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		tiff.putShort((short) 0x010f).putShort((short) 2).putInt(12).putInt(62); // Make, at 62
		tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(74); // GPS IFD at 74
		tiff.putInt(0);
		tiff.position(62).put(ascii("SecretPhone\0"));
		tiff.position(74).putShort((short) 1); // GPS IFD: one entry, the latitude's reference
		tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(ascii("N\0")).putShort((short) 0);
		tiff.putInt(0);
		tiff.put(ascii("GPS 48.8584 N 2.2945 E"));
		byte[] body = new byte[6 + tiff.position()];
		System.arraycopy(ascii("Exif\0\0"), 0, body, 0, 6);
		System.arraycopy(tiff.array(), 0, body, 6, tiff.position());
		return segment(0xe1, body);
	}

	/** {@code png} with a chunk inserted after IHDR (which always ends at byte 33). */
	public static byte[] withChunk(byte[] png, String type, byte[] data) {
		ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
		chunk.putInt(data.length).put(ascii(type)).put(data);
		CRC32 crc = new CRC32();
		crc.update(chunk.array(), 4, 4 + data.length);
		chunk.putInt((int) crc.getValue());
		return concat(Arrays.copyOf(png, 33), chunk.array(), Arrays.copyOfRange(png, 33, png.length));
	}

	/** The header of a PNG that says it is {@code width} x {@code height}, and nothing else. */
	public static byte[] pngHeaderOnly(int width, int height) {
		byte[] png = png(1, 1);
		ByteBuffer.wrap(png, 16, 8).putInt(width).putInt(height);
		return Arrays.copyOf(png, 33);
	}

	/**
	 * A 1 x 1 lossless WebP in the extended format, with an EXIF chunk (and its flag) after the
	 * image data.
	 */
	public static byte[] webpWithExif() {
		byte[] vp8l = Arrays.copyOfRange(LOSSLESS_WEBP, 12, LOSSLESS_WEBP.length); // the VP8L chunk, padded
		byte[] exif = exifWithGps(1);
		byte[] exifBody = Arrays.copyOfRange(exif, 4, exif.length);
		ByteBuffer vp8x = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN);
		vp8x.put(ascii("VP8X")).putInt(10).put((byte) 0x08).put(new byte[3]).put(new byte[3]).put(new byte[3]);
		ByteBuffer exifChunk = ByteBuffer.allocate(8 + exifBody.length + (exifBody.length & 1))
			.order(ByteOrder.LITTLE_ENDIAN);
		exifChunk.put(ascii("EXIF")).putInt(exifBody.length).put(exifBody);
		byte[] chunks = concat(vp8x.array(), vp8l, exifChunk.array());
		ByteBuffer riff = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
		riff.put(ascii("RIFF")).putInt(4 + chunks.length).put(ascii("WEBP"));
		return concat(riff.array(), chunks);
	}

	public static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	public static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	/** Whether {@code bytes} hold {@code text} anywhere. */
	public static boolean contains(byte[] bytes, String text) {
		return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
	}

}
