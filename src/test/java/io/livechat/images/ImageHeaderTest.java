package io.livechat.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An upload's format and size come from its bytes: the signature and the header, read before
 * anything decodes it; never from a name or a declared type. The files are made here.
 */
class ImageHeaderTest {

	private static ImageHeader read(byte[] file) {
		return ImageHeader.read(new ByteArrayInputStream(file));
	}

	private static byte[] encoded(String format, int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(ImageIO.write(image, format, out)).as("the JDK writes %s", format).isTrue();
		return out.toByteArray();
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	/** A RIFF/WEBP file whose first chunk is {@code chunk} with {@code payload}. */
	private static byte[] webp(String chunk, byte[] payload) {
		ByteBuffer file = ByteBuffer.allocate(20 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
		file.put(ascii("RIFF")).putInt(12 + payload.length).put(ascii("WEBP")).put(ascii(chunk)).putInt(payload.length);
		return file.put(payload).array();
	}

	@Nested
	class Accepted {

		@Test
		void aPngsSizeComesFromItsHeader() throws IOException {
			assertThat(read(encoded("png", 1024, 768))).isEqualTo(new ImageHeader(ImageFormat.PNG, 1024, 768));
		}

		@Test
		void aGifsSizeIsItsLogicalScreen() throws IOException {
			assertThat(read(encoded("gif", 320, 200))).isEqualTo(new ImageHeader(ImageFormat.GIF, 320, 200));
		}

		@Test
		void aJpegsSizeComesFromItsFrameHeaderAfterItsMetadata() throws IOException {
			byte[] jpeg = encoded("jpeg", 640, 480);
			byte[] exif = new byte[60_000]; // an APP1 segment as big as a camera's, before the frame
			exif[0] = (byte) 0xff;
			exif[1] = (byte) 0xe1;
			exif[2] = (byte) ((exif.length - 2) >> 8);
			exif[3] = (byte) (exif.length - 2);
			byte[] withExif = concat(Arrays.copyOf(jpeg, 2), exif, Arrays.copyOfRange(jpeg, 2, jpeg.length));

			assertThat(read(jpeg)).isEqualTo(new ImageHeader(ImageFormat.JPEG, 640, 480));
			assertThat(read(withExif)).isEqualTo(new ImageHeader(ImageFormat.JPEG, 640, 480));
		}

		@Test
		void aLossyWebpsSizeComesFromItsKeyFrame() {
			byte[] frame = { 0, 0, 0, (byte) 0x9d, 0x01, 0x2a, (byte) 0x80, 0x07, 0x38, 0x04 }; // 1920 x 1080
			assertThat(read(webp("VP8 ", frame))).isEqualTo(new ImageHeader(ImageFormat.WEBP, 1920, 1080));
		}

		@Test
		void aLosslessWebpsSizeIsPackedInFourteenBitsEach() {
			int bits = (400 - 1) | ((300 - 1) << 14);
			byte[] payload = { 0x2f, (byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24), 0, 0, 0, 0, 0 };
			assertThat(read(webp("VP8L", payload))).isEqualTo(new ImageHeader(ImageFormat.WEBP, 400, 300));
		}

		@Test
		void anExtendedWebpsSizeIsInItsCanvas() {
			int width = 5000 - 1;
			int height = 3000 - 1;
			byte[] payload = { 0x10, 0, 0, 0, (byte) width, (byte) (width >> 8), (byte) (width >> 16), (byte) height,
					(byte) (height >> 8), (byte) (height >> 16) };
			assertThat(read(webp("VP8X", payload))).isEqualTo(new ImageHeader(ImageFormat.WEBP, 5000, 3000));
		}

		@Test
		void eachFormatIsServedAsItsOwnMediaType() {
			assertThat(ImageFormat.values()).extracting(ImageFormat::mediaType)
				.containsExactly("image/png", "image/jpeg", "image/gif", "image/webp");
		}

	}

	@Nested
	class Refused {

		@ParameterizedTest
		@ValueSource(strings = { "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
				"<!DOCTYPE html><html><script>alert(1)</script></html>", "%PDF-1.7\n1 0 obj", "GIF88a is not a GIF",
				"RIFF\0\0\0\0WAVEfmt " })
		void anythingThatDoesNotBeginWithAnAcceptedSignature(String file) {
			assertThatThrownBy(() -> read(ascii(file))).isInstanceOf(UnsupportedImageException.class)
				.hasMessage("This is not a PNG, JPEG, GIF or WebP image.");
		}

		@Test
		void zeroBytes() {
			assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(UnsupportedImageException.class);
		}

		@Test
		void aPngCutShortInItsHeader() throws IOException {
			byte[] png = Arrays.copyOf(encoded("png", 10, 10), 20);
			assertThatThrownBy(() -> read(png)).isInstanceOf(UnsupportedImageException.class)
				.hasMessageContaining("cut short");
		}

		@Test
		void aJpegWhoseSegmentRunsPastTheEndOfTheFile() {
			byte[] jpeg = { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe1, 0x7f, (byte) 0xff, 1, 2, 3 };
			assertThatThrownBy(() -> read(jpeg)).isInstanceOf(UnsupportedImageException.class)
				.hasMessageContaining("cut short");
		}

		@Test
		void aJpegWithNoFrameBeforeItsImageData() {
			byte[] jpeg = { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xda, 0, 2 };
			assertThatThrownBy(() -> read(jpeg)).isInstanceOf(UnsupportedImageException.class)
				.hasMessageContaining("no frame header");
		}

		@Test
		void aHeaderThatDeclaresNoPixels() throws IOException {
			byte[] png = encoded("png", 10, 10);
			Arrays.fill(png, 16, 20, (byte) 0); // width 0
			assertThatThrownBy(() -> read(png)).isInstanceOf(UnsupportedImageException.class)
				.hasMessageContaining("0 x 10");
		}

	}

	@Test
	void aDecompressionBombDeclaresItsSizeBeforeAnythingDecodesIt() {
		// a PNG whose header says 30,000 x 30,000: its size is known from 33 bytes
		ByteBuffer ihdr = ByteBuffer.allocate(17).put(ascii("IHDR")).putInt(30_000).putInt(30_000)
			.put(new byte[] { 8, 2, 0, 0, 0 });
		CRC32 crc = new CRC32();
		crc.update(ihdr.array());
		byte[] png = concat(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 }, ihdr.array(),
				ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());

		ImageHeader header = read(png);

		assertThat(header.pixels()).isEqualTo(900_000_000L);
		assertThat(header.format()).isEqualTo(ImageFormat.PNG);
	}

}
