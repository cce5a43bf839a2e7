package io.livechat.images;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

/**
 * Decodes a stripped image (its first frame) and makes its thumbnail: at most
 * {@value #LONG_SIDE} pixels on the long side, turned as its EXIF orientation says, a JPEG, or a
 * PNG when it has transparency. A file that does not decode as the format its signature claims
 * (a polyglot, a broken file) is refused here.
 * <p>
 * The decoder reads every row but keeps only every n-th pixel of every n-th row (subsampling to
 * about twice the thumbnail), so decoding a 40-megapixel photo needs a few hundred kilobytes of
 * pixels, not 160 MB.
 */
final class Thumbnails {

	static final int LONG_SIDE = 320;

	private static final float JPEG_QUALITY = 0.85f;

	private Thumbnails() {
	}

	/** An encoded thumbnail. */
	record Thumbnail(String mediaType, Size size, byte[] bytes) {
	}

	/**
	 * @param header what the file's header declared (checked against what the decoder finds)
	 * @param maxPixels the most pixels a frame may have
	 */
	static Thumbnail of(ImageBuffer image, ImageHeader header, int orientation, long maxPixels) {
		BufferedImage decoded = decode(image, header, maxPixels);
		BufferedImage scaled = scale(decoded, new Size(header.width(), header.height()).fitting(LONG_SIDE));
		BufferedImage upright = Orientation.apply(scaled, orientation);
		boolean transparent = upright.getColorModel().hasAlpha();
		return new Thumbnail(transparent ? "image/png" : "image/jpeg", new Size(upright.getWidth(), upright.getHeight()),
				transparent ? png(upright) : jpeg(upright));
	}

	private static BufferedImage decode(ImageBuffer image, ImageHeader header, long maxPixels) {
		ImageReader reader = readerOf(header.format());
		try (ImageInputStream input = image.imageInputStream()) {
			reader.setInput(input, true, true);
			int width = reader.getWidth(0);
			int height = reader.getHeight(0);
			if ((long) width * height > maxPixels) {
				throw new TooManyPixelsException(width, height, maxPixels);
			}
			if (header.format() != ImageFormat.GIF && (width != header.width() || height != header.height())) {
				throw notDecodable(header.format());
			}
			ImageReadParam param = reader.getDefaultReadParam();
			int step = Math.max(1, Math.max(width, height) / (2 * LONG_SIDE));
			param.setSourceSubsampling(step, step, 0, 0);
			return reader.read(0, param);
		}
		catch (TooManyPixelsException | UnsupportedImageException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) { // what a decoder throws at a file it cannot read
			throw notDecodable(header.format());
		}
		finally {
			reader.dispose();
		}
	}

	private static ImageReader readerOf(ImageFormat format) {
		if (format == ImageFormat.WEBP) {
			return new WebPImageReaderSpi().createReaderInstance(null);
		}
		Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(format.mediaType());
		if (!readers.hasNext()) {
			throw new IllegalStateException("This Java has no " + format.label() + " decoder");
		}
		return readers.next();
	}

	/** Halves while more than twice too big, then one smooth step to the size. */
	private static BufferedImage scale(BufferedImage image, Size target) {
		BufferedImage current = image;
		while (current.getWidth() >= 2 * target.width() && current.getHeight() >= 2 * target.height()) {
			current = draw(current, Math.max(target.width(), current.getWidth() / 2),
					Math.max(target.height(), current.getHeight() / 2));
		}
		return draw(current, target.width(), target.height());
	}

	private static BufferedImage draw(BufferedImage image, int width, int height) {
		int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
		BufferedImage drawn = new BufferedImage(width, height, type);
		Graphics2D graphics = drawn.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.drawImage(image, 0, 0, width, height, null);
		}
		finally {
			graphics.dispose();
		}
		return drawn;
	}

	private static byte[] png(BufferedImage image) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] jpeg(BufferedImage image) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(output);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(JPEG_QUALITY);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	private static UnsupportedImageException notDecodable(ImageFormat format) {
		return new UnsupportedImageException("The file does not decode as the " + format.label() + " it claims to be.");
	}

}
