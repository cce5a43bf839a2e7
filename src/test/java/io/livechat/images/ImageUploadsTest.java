package io.livechat.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import io.livechat.config.LiveChatProperties.Uploads;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static io.livechat.images.TestImages.ascii;
import static io.livechat.images.TestImages.concat;
import static io.livechat.images.TestImages.contains;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What becomes of an upload: accepted images are stored without their metadata, with a
 * thumbnail; everything else is refused with a message saying why. Every file is made here,
 * hostile ones included.
 */
class ImageUploadsTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

	private static final String ALEX = "alex-public-id-000000a";

	private final InMemoryImageStore store = new InMemoryImageStore();

	private final ImageUploads uploads = new ImageUploads(this.store,
			new Uploads(DataSize.ofMegabytes(5), 40_000_000, 5, 10, java.time.Duration.ofHours(1),
					java.time.Duration.ofMinutes(10)),
			CLOCK, 2);

	private UploadedImage upload(byte[] file) {
		return this.uploads.upload(ALEX, () -> new ByteArrayInputStream(file));
	}

	private byte[] stored(UploadedImage image) {
		return this.store.content(image.id(), false).orElseThrow();
	}

	private byte[] thumbnailOf(UploadedImage image) {
		return this.store.content(image.id(), true).orElseThrow();
	}

	private static BufferedImage decoded(byte[] file) throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(file));
		assertThat(image).as("the JDK decodes it").isNotNull();
		return image;
	}

	@Nested
	class Accepted {

		@Test
		void aPngIsStoredWithItsSizeAndAThumbnailOfAtMost320PixelsOnItsLongSide() throws IOException {
			UploadedImage image = upload(TestImages.png(1024, 768));

			assertThat(image.type()).isEqualTo("image/png");
			assertThat(image.width()).isEqualTo(1024);
			assertThat(image.height()).isEqualTo(768);
			assertThat(image.thumbnail()).isEqualTo(new Size(320, 240));
			assertThat(image.bytes()).isEqualTo(stored(image).length);
			BufferedImage thumbnail = decoded(thumbnailOf(image));
			assertThat(thumbnail.getWidth()).isEqualTo(320);
			assertThat(thumbnail.getHeight()).isEqualTo(240);
			assertThat(store.find(image.id()).orElseThrow().thumbnailType()).as("an opaque picture").isEqualTo("image/jpeg");
			assertThat(decoded(stored(image)).getWidth()).isEqualTo(1024);
		}

		@Test
		void aTransparentPngGetsAPngThumbnail() throws IOException {
			UploadedImage image = upload(TestImages.encoded(TestImages.picture(400, 100, true), "png"));

			assertThat(store.find(image.id()).orElseThrow().thumbnailType()).isEqualTo("image/png");
			assertThat(decoded(thumbnailOf(image)).getColorModel().hasAlpha()).isTrue();
			assertThat(image.thumbnail()).isEqualTo(new Size(320, 80));
		}

		@Test
		void aSmallImageKeepsItsSizeInItsThumbnail() {
			assertThat(upload(TestImages.jpeg(200, 120)).thumbnail()).isEqualTo(new Size(200, 120));
		}

		@Test
		void aJpegIsServedAsAJpeg() throws IOException {
			UploadedImage image = upload(TestImages.jpeg(640, 480));

			assertThat(image.type()).isEqualTo("image/jpeg");
			assertThat(decoded(stored(image)).getWidth()).isEqualTo(640);
		}

		@Test
		void anAnimatedGifKeepsEveryFrameAndItsLoop() throws IOException {
			UploadedImage image = upload(TestImages.animatedGif(40, 30, 3));

			assertThat(image.type()).isEqualTo("image/gif");
			ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
			try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(stored(image)))) {
				reader.setInput(in);
				assertThat(reader.getNumImages(true)).isEqualTo(3);
			}
			assertThat(contains(stored(image), "NETSCAPE2.0")).as("the loop count").isTrue();
			assertThat(image.thumbnail()).isEqualTo(new Size(40, 30));
		}

		@Test
		void lossyAndLosslessWebpsDecode() {
			for (byte[] webp : new byte[][] { TestImages.LOSSY_WEBP, TestImages.LOSSLESS_WEBP }) {
				UploadedImage image = upload(webp);
				assertThat(image.type()).isEqualTo("image/webp");
				assertThat(image.width()).isEqualTo(1);
				assertThat(stored(image)).isEqualTo(webp);
			}
		}

	}

	@Nested
	class StrippedOfMetadata {

		@Test
		void aPhonesJpegLosesItsGpsPositionAndMakeButStaysUpright() throws IOException {
			byte[] photo = TestImages.withSegments(TestImages.jpeg(64, 32), TestImages.exifWithGps(6));
			assertThat(contains(photo, "SecretPhone")).isTrue();

			UploadedImage image = upload(photo);

			byte[] kept = stored(image);
			assertThat(contains(kept, "SecretPhone")).isFalse();
			assertThat(contains(kept, "GPS")).isFalse();
			assertThat(ExifSegments.of(kept)).as("one EXIF segment, with the orientation alone")
				.containsExactly(ExifOrientation.segment(6));
			assertThat(ExifOrientation.of(ExifSegments.of(kept).get(0))).isEqualTo(6);
			assertThat(image.width()).as("shown on its side").isEqualTo(32);
			assertThat(image.height()).isEqualTo(64);
			BufferedImage thumbnail = decoded(thumbnailOf(image));
			assertThat(thumbnail.getWidth()).isEqualTo(32);
			assertThat(thumbnail.getHeight()).isEqualTo(64);
			assertThat(thumbnail.getRGB(31, 1) & 0xff0000).as("the top-left red corner turned to the top right")
				.isGreaterThan(0xc00000);
			assertThat(decoded(kept).getWidth()).as("still a JPEG of its own size").isEqualTo(64);
		}

		@Test
		void aJpegLosesItsCommentXmpAndWhateverFollowsItsEnd() throws IOException {
			byte[] xmp = TestImages.segment(0xe1, concat(ascii("http://ns.adobe.com/xap/1.0/\0"),
					ascii("<x:xmpmeta>secret-xmp</x:xmpmeta>")));
			byte[] comment = TestImages.segment(0xfe, ascii("secret-comment"));
			byte[] photo = concat(TestImages.withSegments(TestImages.jpeg(64, 48), xmp, comment),
					ascii("<html><script>alert(1)</script>"));

			byte[] kept = stored(upload(photo));

			assertThat(contains(kept, "secret")).isFalse();
			assertThat(contains(kept, "<script>")).isFalse();
			assertThat(ExifSegments.of(kept)).as("no orientation to keep").isEmpty();
			assertThat(decoded(kept).getHeight()).isEqualTo(48);
		}

		@Test
		void aPngLosesItsTextAndAZipOrPageAppendedToIt() throws IOException {
			byte[] png = TestImages.withChunk(TestImages.png(50, 40), "tEXt", ascii("Comment\0secret-text"));
			byte[] polyglot = concat(png, ascii("PK\3\4secret-zip"), ascii("<html><script>alert(1)</script>"));

			byte[] kept = stored(upload(polyglot));

			assertThat(contains(kept, "secret")).isFalse();
			assertThat(contains(kept, "<script>")).isFalse();
			assertThat(contains(kept, "IEND")).isTrue();
			assertThat(decoded(kept).getWidth()).isEqualTo(50);
		}

		@Test
		void aGifLosesItsComment() throws IOException {
			byte[] gif = TestImages.gif(30, 20);
			byte[] comment = concat(new byte[] { 0x21, (byte) 0xfe, 14 }, ascii("secret-comment"), new byte[] { 0 });
			int afterColourTable = 13 + 3 * (1 << ((gif[10] & 0x07) + 1));
			byte[] commented = concat(Arrays.copyOf(gif, afterColourTable), comment,
					Arrays.copyOfRange(gif, afterColourTable, gif.length));
			assertThat(decoded(commented).getWidth()).as("a valid GIF with a comment").isEqualTo(30);

			byte[] kept = stored(upload(commented));

			assertThat(contains(kept, "secret")).isFalse();
			assertThat(decoded(kept).getWidth()).isEqualTo(30);
		}

		@Test
		void aWebpLosesItsExifAndItsFlag() throws IOException {
			byte[] webp = TestImages.webpWithExif();
			assertThat(contains(webp, "SecretPhone")).isTrue();

			byte[] kept = stored(upload(webp));

			assertThat(contains(kept, "SecretPhone")).isFalse();
			assertThat(contains(kept, "EXIF")).isFalse();
			assertThat(kept[20] & 0x08).as("the EXIF flag").isZero();
			assertThat(ImageHeader.littleEndian(kept, 4, 4)).as("the RIFF size").isEqualTo(kept.length - 8);
			ImageReader reader = new WebPImageReaderSpi().createReaderInstance(null);
			try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(kept))) {
				reader.setInput(in);
				assertThat(reader.read(0).getWidth()).isEqualTo(1);
			}
		}

	}

	@Nested
	class Refused {

		private void assertUnsupported(byte[] file, String why) {
			assertThatThrownBy(() -> upload(file)).isInstanceOf(UnsupportedImageException.class).hasMessageContaining(why);
			assertThat(store.deleteUnsentBefore(Long.MAX_VALUE)).as("nothing stored").isZero();
		}

		@Test
		void anSvgWithAScript() {
			assertUnsupported(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
					"not a PNG, JPEG, GIF or WebP");
		}

		@Test
		void anHtmlPageWhateverItsNameSays() {
			assertUnsupported(ascii("<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"),
					"not a PNG, JPEG, GIF or WebP");
		}

		@Test
		void aGifJavaScriptPolyglotThatIsNoGif() {
			assertUnsupported(ascii("GIF89a/*\u0001\u0000\u0001\u0000\u0000\u0000\u0000*/=1;alert(document.domain);"),
					"GIF");
		}

		@Test
		void aPngWhoseImageDataIsNotAnImage() {
			byte[] png = TestImages.png(20, 20);
			byte[] broken = png.clone();
			int idat = new String(png, StandardCharsets.ISO_8859_1).indexOf("IDAT");
			Arrays.fill(broken, idat + 4, idat + 20, (byte) 0x55);
			assertUnsupported(broken, "does not decode as the PNG it claims to be");
		}

		@Test
		void aDecompressionBombIsRefusedFromItsHeaderAlone() {
			byte[] bomb = concat(TestImages.pngHeaderOnly(30_000, 30_000), new byte[1000]);

			assertThatThrownBy(() -> upload(bomb)).isInstanceOf(TooManyPixelsException.class)
				.hasMessageContaining("30000 x 30000")
				.hasMessageContaining("40 megapixels");
		}

		@Test
		void aTruncatedImage() {
			byte[] png = TestImages.png(100, 100);
			assertUnsupported(Arrays.copyOf(png, png.length / 2), "cut short");
			byte[] jpeg = TestImages.jpeg(100, 100);
			assertUnsupported(Arrays.copyOf(jpeg, jpeg.length - 10), "cut short");
			byte[] gif = TestImages.gif(100, 100);
			assertUnsupported(Arrays.copyOf(gif, gif.length - 1), "cut short");
		}

		@Test
		void zeroBytes() {
			assertUnsupported(new byte[0], "not a PNG, JPEG, GIF or WebP");
		}

		@Test
		void aGifFrameBiggerThanItsImage() {
			byte[] gif = TestImages.gif(10, 10).clone();
			gif[6] = 2; // the logical screen now 2 x 2, the frame still 10 x 10
			gif[8] = 2;
			assertUnsupported(gif, "a frame lies outside the image");
		}

	}

}
