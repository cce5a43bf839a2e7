package io.livechat.images;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.livechat.config.LiveChatProperties.Uploads;
import io.livechat.images.Thumbnails.Thumbnail;

/**
 * Turns an uploaded file into a stored image, or refuses it saying why. In order: the format
 * from the signature and the size from the header (too many pixels: refused before anything is
 * decoded); a copy without metadata, in a temporary file; a decode of that copy, which proves it
 * is the image it claims to be and gives the thumbnail; then both are stored. Decoding takes a
 * processor: at most as many run at once as there are processors, the others wait their turn.
 */
public class ImageUploads {

	/** How long an upload waits for a decoder before it is refused as busy. */
	static final long DECODER_WAIT_SECONDS = 10;

	private static final int READ_BUFFER = 64 * 1024;

	private final ImageStore store;

	private final Uploads settings;

	private final Clock clock;

	private final Semaphore decoders;

	private final SecureRandom random = new SecureRandom();

	public ImageUploads(ImageStore store, Uploads settings, Clock clock, int decoders) {
		this.store = store;
		this.settings = settings;
		this.clock = clock;
		this.decoders = new Semaphore(decoders, true);
	}

	/** The file, to be read from its beginning each time it is opened. */
	@FunctionalInterface
	public interface Upload {

		InputStream open() throws IOException;

	}

	/**
	 * Stores the upload of {@code owner} (a public id) as a new, unsent image.
	 * @throws UnsupportedImageException not an image accepted here (415)
	 * @throws TooManyPixelsException more pixels than the setting allows (422)
	 * @throws UploadsBusyException no decoder came free in time (503)
	 */
	public UploadedImage upload(String owner, Upload file) {
		try {
			ImageHeader header;
			try (InputStream in = new BufferedInputStream(file.open(), READ_BUFFER)) {
				header = ImageHeader.read(in);
			}
			if (header.pixels() > this.settings.maxPixels()) {
				throw new TooManyPixelsException(header.width(), header.height(), this.settings.maxPixels());
			}
			try (ImageBuffer stripped = new ImageBuffer()) {
				int orientation;
				try (InputStream in = new BufferedInputStream(file.open(), READ_BUFFER)) {
					orientation = strip(header.format(), in, stripped);
				}
				Thumbnail thumbnail = thumbnail(stripped, header, orientation);
				Size shown = ExifOrientation.turnsSideways(orientation) ? new Size(header.height(), header.width())
						: new Size(header.width(), header.height());
				StoredImage image = new StoredImage(newId(), owner, null, header.format().mediaType(), shown,
						stripped.size(), thumbnail.mediaType(), thumbnail.size(), this.clock.millis());
				try (InputStream data = stripped.inputStream()) {
					this.store.save(image, data, thumbnail.bytes());
				}
				return UploadedImage.of(image);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int strip(ImageFormat format, InputStream in, ImageBuffer out) throws IOException {
		return switch (format) {
			case JPEG -> JpegSegments.copyWithoutMetadata(in, out);
			case PNG -> {
				PngChunks.copyWithoutMetadata(in, out);
				yield 1;
			}
			case GIF -> {
				GifBlocks.copyWithoutMetadata(in, out);
				yield 1;
			}
			case WEBP -> {
				WebpChunks.copyWithoutMetadata(in, out);
				yield 1;
			}
		};
	}

	private Thumbnail thumbnail(ImageBuffer stripped, ImageHeader header, int orientation) {
		try {
			if (!this.decoders.tryAcquire(DECODER_WAIT_SECONDS, TimeUnit.SECONDS)) {
				throw new UploadsBusyException();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UploadsBusyException();
		}
		try {
			return Thumbnails.of(stripped, header, orientation, this.settings.maxPixels());
		}
		finally {
			this.decoders.release();
		}
	}

	private String newId() {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Whether {@code id} has the shape of an image id (22 characters of base64url). */
	static boolean isWellFormedId(String id) {
		return id != null && id.length() == 22 && id.chars()
			.allMatch((c) -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_');
	}

}
