package io.livechat.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

/**
 * Sharing pictures as people do it, in real headless Chromium against the whole application:
 * pasted (a screenshot), dropped on the conversation or picked with the attach button, previewed
 * with the message input as the caption, uploaded with a progress bar, shown to the others as a
 * thumbnail at its final size, opened whole in a viewer; in a room and in a direct message, on a
 * desktop and on a phone; and refused with the server's reason, the caption kept.
 */
class ImageSharingBrowserIT extends BrowserTest {

	@TempDir
	Path files;

	@Test
	void aPastedScreenshotIsPreviewedSentWithItsCaptionAndShownToOthersAsAThumbnailAtItsFinalSize() throws IOException {
		Browser alice = browser().joinChat("Alice", "general");
		Browser bob = browser().joinChat("Bob", "general");
		WebElement input = alice.find("#message-input");
		input.click();

		alice.paste(screenshot(3840, 2160), "image.png", "image/png");

		alice.waitUntil((d) -> alice.find("#attachment").isDisplayed());
		WebElement preview = alice.find("#attachment-preview");
		assertThat(preview.getDomAttribute("src")).startsWith("blob:");
		alice.waitUntil((d) -> naturalWidth(alice, preview) == 3840);
		assertThat(alice.driver().switchTo().activeElement()).isEqualTo(input);
		input.sendKeys("The <b>new</b> dashboard");
		alice.screenshot("chat-image-preview");
		input.sendKeys(Keys.ENTER);

		bob.waitUntil((d) -> newestLine(bob).equals("theirs Alice: The <b>new</b> dashboard"));
		WebElement thumbnail = newestThumbnail(bob);
		assertThat(thumbnail.getDomAttribute("width")).isEqualTo("320");
		assertThat(thumbnail.getDomAttribute("height")).isEqualTo("180");
		assertThat(thumbnail.getDomAttribute("alt")).isEqualTo("The <b>new</b> dashboard");
		assertThat(thumbnail.getDomAttribute("src")).matches("/api/images/[A-Za-z0-9_-]+/thumbnail");
		bob.waitUntil((d) -> naturalWidth(bob, thumbnail) == 320);
		assertThat(thumbnail.getRect().getWidth()).isEqualTo(320);
		assertThat(thumbnail.getRect().getHeight()).isEqualTo(180);
		assertThat(bob.findAll("#messages b")).isEmpty();

		alice.waitUntil((d) -> newestLine(alice).equals("mine Alice: The <b>new</b> dashboard"));
		assertThat(alice.find("#attachment").isDisplayed()).isFalse();
		assertThat(preview.getDomAttribute("src")).isNull();
		assertThat(input.getDomProperty("value")).isEmpty();
		assertThat(newestThumbnail(alice).getDomAttribute("width")).isEqualTo("320");

		// a later joiner gets it in the history, the same way
		Browser carol = browser().joinChat("Carol", "general");
		carol.waitUntil((d) -> carol.messages().contains("theirs Alice: The <b>new</b> dashboard"));
		assertThat(newestThumbnail(carol).getDomAttribute("src")).isEqualTo(thumbnail.getDomAttribute("src"));
		assertThat(newestThumbnail(carol).getDomAttribute("height")).isEqualTo("180");
		for (Browser browser : List.of(alice, bob, carol)) {
			assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
		}
	}

	@Test
	void anImageDroppedOnTheConversationIsSentWithoutACaptionAndNamedAfterItsSender() {
		Browser alice = browser().joinChat("Alice", "tech");
		Browser bob = browser().joinChat("Bob", "tech");
		int before = bob.findAll("#messages .thumbnail").size();

		alice.drop(screenshot(600, 900), "portrait.png", "image/png", "#messages");

		alice.waitUntil((d) -> alice.find("#attachment").isDisplayed());
		assertThat(alice.find("#attachment-name").getText()).isEqualTo("portrait.png");
		alice.find("#send-button").click();

		bob.waitUntil((d) -> bob.findAll("#messages .thumbnail").size() == before + 1);
		WebElement thumbnail = newestThumbnail(bob);
		assertThat(thumbnail.getDomAttribute("width")).isEqualTo("213");
		assertThat(thumbnail.getDomAttribute("height")).isEqualTo("320");
		assertThat(thumbnail.getDomAttribute("alt")).isEqualTo("Image from Alice");
		assertThat(newestLine(bob)).isEqualTo("theirs Alice: ");
		assertThat(newestMessage(bob).findElement(By.cssSelector(".text")).isDisplayed()).as("no empty caption bubble").isFalse();
		alice.waitUntil((d) -> !alice.find("#attachment").isDisplayed());
	}

	@Test
	void theProgressBarIsShownWhileTheImageUploadsAndGoneOnceItIsSent() {
		Browser alice = browser().joinChat("Alice", "random");
		Browser bob = browser().joinChat("Bob", "random");
		byte[] noise = noise(1100, 1100);
		assertThat(noise.length).isBetween(3_000_000, 5_000_000);
		// every state of the bar, as the page sets it
		alice.driver().executeScript("""
				const bar = document.getElementById('upload-progress');
				window.progressSeen = [];
				new MutationObserver(() => window.progressSeen.push({ shown: !bar.hidden, value: bar.value, max: bar.max }))
				  .observe(bar, { attributes: true });
				""");
		// slow enough to watch: about two seconds for the upload
		alice.driver().executeCdpCommand("Network.enable", Map.of());
		alice.driver().executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
				"downloadThroughput", -1, "uploadThroughput", 2_000_000));
		alice.paste(noise, "noise.png", "image/png");
		alice.waitUntil((d) -> alice.find("#attachment").isDisplayed());
		alice.find("#message-input").sendKeys("Static");

		alice.find("#send-button").click();

		alice.waitUntil((d) -> alice.find("#upload-progress").isDisplayed());
		assertThat(alice.find("#attachment-hint").getText()).isEqualTo("Uploading...");
		bob.waitUntil((d) -> newestLine(bob).equals("theirs Alice: Static"));
		alice.waitUntil((d) -> newestLine(alice).equals("mine Alice: Static"));
		assertThat(alice.find("#upload-progress").isDisplayed()).isFalse();
		assertThat(alice.find("#attachment").isDisplayed()).isFalse();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> seen = (List<Map<String, Object>>) alice.driver().executeScript("return window.progressSeen");
		assertThat(seen).as("part of the way").anyMatch((state) -> Boolean.TRUE.equals(state.get("shown"))
				&& ((Number) state.get("value")).doubleValue() > 0 && ((Number) state.get("value")).doubleValue() < 1);
		assertThat(seen).as("all the way").anyMatch((state) -> Boolean.TRUE.equals(state.get("shown"))
				&& ((Number) state.get("value")).doubleValue() == ((Number) state.get("max")).doubleValue());
		assertThat(newestThumbnail(bob).getDomAttribute("width")).isEqualTo("320");
	}

	@Test
	void aRefusedUploadShowsTheServersReasonAndKeepsTheCaption() throws IOException {
		Browser alice = browser().joinChat("Alice", "general");
		Browser bob = browser().joinChat("Bob", "general");
		Path notes = this.files.resolve("notes.png");
		String text = "These are my notes, not a picture at all.\n".repeat(20);
		Files.writeString(notes, text, StandardCharsets.UTF_8);
		WebElement attach = alice.find("#attach-button");
		assertThat(attach.getTagName()).isEqualTo("button");
		assertThat(attach.getAccessibleName()).isEqualTo("Attach an image");
		assertThat(alice.find("#file-input").getDomAttribute("accept")).isEqualTo("image/png,image/jpeg,image/gif,image/webp");
		int shown = alice.messages().size();
		WebElement input = alice.find("#message-input");
		input.sendKeys("Meeting notes");

		alice.find("#file-input").sendKeys(notes.toString());
		alice.waitUntil((d) -> alice.find("#attachment").isDisplayed());
		assertThat(alice.find("#attachment-name").getText()).isEqualTo("notes.png");
		input.sendKeys(Keys.ENTER);

		alice.waitUntil((d) -> alice.find("#notice").isDisplayed());
		String notice = alice.find("#notice").getText();
		assertThat(notice).as("the server's own words").isEqualTo(refusalFor(alice, text, "notes.png"));
		assertThat(input.getDomProperty("value")).isEqualTo("Meeting notes");
		assertThat(alice.find("#attachment").isDisplayed()).as("a file that is no image is not kept").isFalse();
		assertThat(alice.messages()).hasSize(shown);

		// the caption still goes, as text
		input.sendKeys(Keys.ENTER);
		bob.waitUntil((d) -> newestLine(bob).equals("theirs Alice: Meeting notes"));
		assertThat(newestMessage(bob).findElements(By.cssSelector(".thumbnail"))).isEmpty();
	}

	@Test
	void aPictureOverTheLimitIsSentAsAJpegSmallEnough() {
		Browser alice = browser().joinChat("Alice", "tech");
		Browser bob = browser().joinChat("Bob", "tech");
		byte[] large = noise(1500, 1500);
		assertThat(large.length).isGreaterThan(5 * 1024 * 1024);
		WebElement input = alice.find("#message-input");
		input.sendKeys("A huge screenshot");
		alice.paste(large, "huge.png", "image/png");
		alice.waitUntil((d) -> alice.find("#attachment").isDisplayed());

		input.sendKeys(Keys.ENTER);

		bob.waitUntil((d) -> newestLine(bob).equals("theirs Alice: A huge screenshot"));
		assertThat(newestThumbnail(bob).getDomAttribute("width")).isEqualTo("320");
		assertThat(newestThumbnail(bob).getDomAttribute("height")).isEqualTo("320");
	}

	@Test
	void anAnimationLargerThanTheLimitIsRefusedWithTheLimitAndTheCaptionKept() {
		Browser alice = browser().joinChat("Alice", "random");
		byte[] large = noiseGif(2600, 2600);
		assertThat(large.length).isGreaterThan(5 * 1024 * 1024);
		int shown = alice.messages().size();
		WebElement input = alice.find("#message-input");
		input.sendKeys("Too big?");
		alice.paste(large, "large.gif", "image/gif");
		alice.waitUntil((d) -> alice.find("#attachment").isDisplayed());

		input.sendKeys(Keys.ENTER);

		alice.waitUntil((d) -> alice.find("#notice").isDisplayed());
		assertThat(alice.find("#notice").getText()).isEqualTo("An image may be at most 5 MB.");
		assertThat(input.getDomProperty("value")).isEqualTo("Too big?");
		assertThat(alice.find("#attachment").isDisplayed()).isFalse();
		assertThat(alice.messages()).hasSize(shown);
	}

	@Test
	void escapeDiscardsTheImageAttachedAndKeepsTheCaption() {
		Browser alice = browser().joinChat("Alice", "general");
		WebElement input = alice.find("#message-input");
		input.sendKeys("not this one");
		alice.paste(screenshot(800, 600), "image.png", "image/png");
		alice.waitUntil((d) -> alice.find("#attachment").isDisplayed());

		new Actions(alice.driver()).sendKeys(Keys.ESCAPE).perform();

		alice.waitUntil((d) -> !alice.find("#attachment").isDisplayed());
		assertThat(alice.find("#attachment-preview").getDomAttribute("src")).isNull();
		assertThat(input.getDomProperty("value")).isEqualTo("not this one");
		input.sendKeys(Keys.ENTER);
		alice.waitUntil((d) -> newestLine(alice).equals("mine Alice: not this one"));
		assertThat(newestMessage(alice).findElements(By.cssSelector(".thumbnail"))).isEmpty();
	}

	@Test
	void aThumbnailOpensTheWholeImageInAViewerThatEscapeClosesGivingFocusBackToTheThumbnail() {
		Browser alice = browser().joinChat("Alice", "general");
		Browser bob = browser().joinChat("Bob", "general");
		alice.paste(screenshot(1600, 1200), "image.png", "image/png");
		alice.waitUntil((d) -> alice.find("#attachment").isDisplayed());
		alice.find("#message-input").sendKeys("Whole picture", Keys.ENTER);
		bob.waitUntil((d) -> newestLine(bob).equals("theirs Alice: Whole picture"));
		WebElement thumbnail = newestMessage(bob).findElement(By.cssSelector(".thumbnail"));
		assertThat(thumbnail.getTagName()).isEqualTo("button");
		assertThat(bob.find("#image-viewer").isDisplayed()).isFalse();

		thumbnail.click();

		bob.waitUntil((d) -> bob.find("#image-viewer").isDisplayed());
		String full = newestThumbnail(bob).getDomAttribute("src").replace("/thumbnail", "");
		WebElement whole = bob.find("#viewer-image");
		bob.waitUntil((d) -> full.equals(whole.getDomAttribute("src")) && naturalWidth(bob, whole) == 1600);
		assertThat(bob.find("#viewer-caption").getText()).isEqualTo("Whole picture");
		Rectangle shown = whole.getRect();
		assertThat(shown.getWidth()).isLessThanOrEqualTo(1280);
		assertThat(shown.getY() + shown.getHeight()).isLessThanOrEqualTo(800);

		new Actions(bob.driver()).sendKeys(Keys.ESCAPE).perform();

		bob.waitUntil((d) -> !bob.find("#image-viewer").isDisplayed());
		assertThat(bob.driver().switchTo().activeElement()).isEqualTo(thumbnail);

		// by keyboard too, and closed with its button
		new Actions(bob.driver()).sendKeys(Keys.ENTER).perform();
		bob.waitUntil((d) -> bob.find("#image-viewer").isDisplayed());
		assertThat(bob.driver().switchTo().activeElement()).isEqualTo(bob.find("#viewer-close"));
		bob.find("#viewer-close").click();
		bob.waitUntil((d) -> !bob.find("#image-viewer").isDisplayed());
		assertThat(bob.driver().switchTo().activeElement()).isEqualTo(thumbnail);
	}

	@Test
	void anImageInADirectMessageShowsForTheRecipientThroughABlobUrlAndToNobodyElse() {
		Browser alice = browser().joinChat("Alice", "general");
		Browser bob = browser().joinChat("Bob", "general");
		Browser eve = browser().joinChat("Eve", "general");
		alice.openConversationFromOnlineList("Bob");
		alice.paste(screenshot(1024, 768), "image.png", "image/png");
		alice.waitUntil((d) -> alice.find("#attachment").isDisplayed());

		alice.find("#message-input").sendKeys("Just for you", Keys.ENTER);

		bob.openListedConversation("Alice");
		bob.waitUntil((d) -> bob.messages().equals(List.of("theirs Alice: Just for you")));
		WebElement thumbnail = newestThumbnail(bob);
		assertThat(thumbnail.getDomAttribute("width")).isEqualTo("320");
		assertThat(thumbnail.getDomAttribute("height")).isEqualTo("240");
		bob.waitUntil((d) -> String.valueOf(thumbnail.getDomAttribute("src")).startsWith("blob:")
				&& naturalWidth(bob, thumbnail) == 320);
		alice.waitUntil((d) -> alice.messages().equals(List.of("mine Alice: Just for you"))
				&& String.valueOf(newestThumbnail(alice).getDomAttribute("src")).startsWith("blob:"));

		// the whole image, in the viewer, the same way
		thumbnail.click();
		WebElement whole = bob.find("#viewer-image");
		bob.waitUntil((d) -> String.valueOf(whole.getDomAttribute("src")).startsWith("blob:") && naturalWidth(bob, whole) == 1024);
		new Actions(bob.driver()).sendKeys(Keys.ESCAPE).perform();
		bob.waitUntil((d) -> !bob.find("#image-viewer").isDisplayed());
		assertThat(whole.getDomAttribute("src")).isNull();

		// its address alone shows nothing: not without the header, not to a third person
		String url = fetchedImageUrl(bob);
		assertThat(url).matches("http://localhost:\\d+/api/images/[A-Za-z0-9_-]+");
		assertThat(status(eve, url, true)).isEqualTo(404);
		assertThat(status(bob, url, false)).isEqualTo(404);
		assertThat(status(bob, url, true)).isEqualTo(200);
	}

	@Test
	void onAPhoneTheThumbnailStaysWithinTheScreenAndTheViewerFitsIt() throws IOException {
		Browser alice = browser().joinChat("Alice", "general");
		Browser phone = new Browser(this.port, 390, 844);
		this.browsers.add(phone);
		phone.joinChat("Bob", "general");
		alice.paste(screenshot(2400, 1800), "image.png", "image/png");
		alice.waitUntil((d) -> alice.find("#attachment").isDisplayed());
		String caption = "Seen from a phone, with a caption long enough to wrap over a few lines";

		alice.find("#message-input").sendKeys(caption, Keys.ENTER);

		phone.waitUntil((d) -> newestLine(phone).equals("theirs Alice: " + caption)
				&& naturalWidth(phone, newestThumbnail(phone)) == 320);
		long screen = (Long) phone.driver().executeScript("return document.documentElement.clientWidth");
		Rectangle thumbnail = newestThumbnail(phone).getRect();
		assertThat(thumbnail.getX()).isGreaterThanOrEqualTo(0);
		assertThat(thumbnail.getX() + thumbnail.getWidth()).isLessThanOrEqualTo((int) screen);
		assertThat(thumbnail.getWidth()).isGreaterThan(200);
		assertThat((double) thumbnail.getHeight()).as("its proportions kept")
			.isCloseTo(thumbnail.getWidth() * 240 / 320.0, offset(2.0));
		assertThat((Long) phone.driver().executeScript("return document.documentElement.scrollWidth")).isEqualTo(screen);
		phone.screenshot("chat-mobile-image");

		newestMessage(phone).findElement(By.cssSelector(".thumbnail")).click();

		WebElement whole = phone.find("#viewer-image");
		phone.waitUntil((d) -> phone.find("#image-viewer").isDisplayed() && naturalWidth(phone, whole) == 2400);
		Rectangle viewer = whole.getRect();
		assertThat(viewer.getX()).isGreaterThanOrEqualTo(0);
		assertThat(viewer.getX() + viewer.getWidth()).isLessThanOrEqualTo((int) screen);
		assertThat(viewer.getY() + viewer.getHeight()).isLessThanOrEqualTo(844);
		assertThat(phone.find("#viewer-close").isDisplayed()).isTrue();
		phone.screenshot("chat-mobile-image-viewer");
		phone.find("#viewer-close").click();
		phone.waitUntil((d) -> !phone.find("#image-viewer").isDisplayed());
	}

	/** The newest message on screen as {@link Browser#messages()} says it, or "" while none. */
	private static String newestLine(Browser browser) {
		List<String> messages = browser.messages();
		return messages.isEmpty() ? "" : messages.get(messages.size() - 1);
	}

	private static WebElement newestMessage(Browser browser) {
		List<WebElement> messages = browser.findAll("#messages .message");
		return messages.get(messages.size() - 1);
	}

	private static WebElement newestThumbnail(Browser browser) {
		return newestMessage(browser).findElement(By.cssSelector(".thumbnail img"));
	}

	/** The width of the picture {@code img} has loaded; 0 while none. */
	private static long naturalWidth(Browser browser, WebElement img) {
		return (Long) browser.driver().executeScript("return arguments[0].naturalWidth", img);
	}

	/** What the server answers when {@code browser} uploads this text as {@code name}: its {@code error}. */
	private static String refusalFor(Browser browser, String text, String name) {
		return (String) browser.driver().executeAsyncScript("""
				const [text, name, done] = arguments;
				const body = new FormData();
				body.append('file', new File([text], name, { type: 'image/png' }));
				fetch('/api/uploads', { method: 'POST', body, headers: { 'X-LiveChat-Client': localStorage.getItem('livechat.clientId') } })
				  .then((response) => response.json()).then((answer) => done(answer.error), (e) => done(String(e)));
				""", text, name);
	}

	/** The full image {@code browser} fetched (for the viewer), from the page's own record of its requests. */
	private static String fetchedImageUrl(Browser browser) {
		return (String) browser.driver().executeScript("""
				return performance.getEntriesByType('resource').map((entry) => entry.name)
				  .filter((name) => /\\/api\\/images\\/[^/]+$/.test(name)).at(-1) ?? null;
				""");
	}

	/** The status {@code browser} gets for {@code url}, with its clientId in the header or without. */
	private static long status(Browser browser, String url, boolean withHeader) {
		return (Long) browser.driver().executeAsyncScript("""
				const [url, withHeader, done] = arguments;
				const headers = withHeader ? { 'X-LiveChat-Client': localStorage.getItem('livechat.clientId') } : {};
				fetch(url, { headers, cache: 'no-store' }).then((response) => done(response.status), () => done(-1));
				""", url, withHeader);
	}

	/** A screenshot-like PNG: flat panels and lines, as a desktop is (small for its size). */
	static byte[] screenshot(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x0A0E1A));
		g.fillRect(0, 0, width, height);
		g.setColor(new Color(0x121829));
		g.fillRect(0, 0, width / 5, height);
		g.setColor(new Color(0x3B82F6));
		for (int y = height / 10; y < height; y += height / 10) {
			g.fillRect(width / 4, y, width / 2, Math.max(1, height / 40));
		}
		g.dispose();
		return png(image);
	}

	/** A PNG of random pixels, which does not compress: about three bytes a pixel. */
	static byte[] noise(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(42);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, random.nextInt(0x1000000));
			}
		}
		return png(image);
	}

	/** A GIF of random palette indices (a GIF is never re-encoded by the page: it would lose its frames). */
	static byte[] noiseGif(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED);
		byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
		new Random(7).nextBytes(pixels);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "gif", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
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

}
