package io.livechat.web;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every screen and state of the pages audited with axe-core (WCAG 2.0 and 2.1 A and AA, and
 * best practices) in real headless Chromium, on a desktop and on a phone: none may have a
 * violation. What a screen reader is told as things happen, the reflow at 320 px and 200% zoom,
 * and reduced motion are checked here too; the keyboard alone is {@link KeyboardBrowserIT}.
 */
class AccessibilityBrowserIT extends BrowserTest {

	enum Layout {

		DESKTOP(1280, 800), PHONE(390, 844);

		final int width;

		final int height;

		Layout(int width, int height) {
			this.width = width;
			this.height = height;
		}

	}

	Relay relay;

	@AfterEach
	void stopRelay() {
		if (this.relay != null) {
			this.relay.close();
		}
	}

	Browser browser(Layout layout) {
		Browser browser = new Browser(this.port, layout.width, layout.height);
		this.browsers.add(browser);
		return browser;
	}

	static void assertClean(Browser browser, String screen) {
		assertThat(Audit.violations(browser)).as("axe violations on %s", screen).isEmpty();
	}

	@Test
	void theAuditFindsWhatIsWrong() {
		Browser visitor = browser().open("/");
		visitor.waitUntil((d) -> visitor.findAll(".room-choice").size() == 3);
		visitor.driver().executeScript("""
				const img = document.createElement('img');
				img.src = '/favicon.ico';
				document.querySelector('main').append(img);
				document.querySelector('.primary').style.background = '#777';
				""");

		assertThat(Audit.violations(visitor)).anyMatch((line) -> line.startsWith("image-alt"))
			.anyMatch((line) -> line.startsWith("color-contrast"));
	}

	@ParameterizedTest
	@EnumSource(Layout.class)
	void theLandingPageIsCleanEmptyAndWithAnError(Layout layout) {
		Browser visitor = browser(layout).open("/");
		visitor.waitUntil((d) -> visitor.findAll(".room-choice").size() == 3);
		assertClean(visitor, "the landing page");

		visitor.find("button[type=submit]").click();
		visitor.waitUntil((d) -> visitor.find("#form-error").isDisplayed());
		assertClean(visitor, "the landing page saying what is wrong with the name");
	}

	@ParameterizedTest
	@EnumSource(Layout.class)
	void theSettingsMenuAndARefusedJoinAreClean(Layout layout) {
		browser().joinChat("Alice", "random");
		Browser visitor = browser(layout).joinChat("Visitor", "random");
		visitor.find("#settings-button").click();
		visitor.waitUntil((d) -> visitor.find("#settings-menu").isDisplayed());
		assertClean(visitor, "the settings menu");
		assertThat(visitor.find("a[data-room='random'] .counts").getDomProperty("textContent"))
			.as("the online count in words").isEqualTo(", 2 online");

		visitor.open("/chat.html?username=alice&room=random");
		visitor.waitUntil((d) -> visitor.find("#fatal").isDisplayed());
		assertClean(visitor, "a join refused (the name is taken)");
	}

	@ParameterizedTest
	@EnumSource(Layout.class)
	void aBusyRoomIsCleanWithItsHistorySystemLinesTypingThePillAndTheConnectionBanner(Layout layout) {
		Browser bob = browser().joinChat("Bob", "general");
		for (int i = 1; i <= 12; i++) {
			bob.say("history " + i);
		}
		bob.waitUntil((d) -> bob.messages().contains("mine Bob: history 12"));
		this.relay = new Relay(this.port);
		Browser alice = new Browser(this.relay.port(), layout.width, layout.height);
		this.browsers.add(alice);
		alice.joinChat("Alice", "general");
		alice.say("and mine");
		alice.waitUntil((d) -> alice.ticked().contains("and mine"));
		Browser carol = browser().joinChat("Carol", "general");
		alice.waitUntil((d) -> !alice.findAll("#messages .system").isEmpty());
		carol.find("#message-input").sendKeys("typing away");
		alice.waitUntil((d) -> !alice.find("#typing").getText().isEmpty());
		alice.driver().executeScript("document.getElementById('messages').scrollTop = 0");
		bob.say("while Alice reads back");
		alice.waitUntil((d) -> alice.find("#new-messages").isDisplayed());
		assertClean(alice, "a busy room");

		alice.driver().executeScript("""
				document.getElementById('message-input').value = arguments[0];
				document.getElementById('composer').requestSubmit();
				""", "x".repeat(1001));
		alice.waitUntil((d) -> alice.outgoing().stream().anyMatch((m) -> m.startsWith("failed")));
		this.relay.stop();
		alice.waitUntil((d) -> alice.find("#connection-banner").isDisplayed());
		alice.say("waiting for the connection");
		assertClean(alice, "the connection lost, with a message waiting and one refused");

		if (layout == Layout.PHONE) {
			alice.find("#toggle-rooms").click();
			alice.waitUntil((d) -> alice.find("#room-list").isDisplayed());
			assertClean(alice, "the rooms panel opened on a phone");
			new Actions(alice.driver()).sendKeys(Keys.ESCAPE).perform();
			alice.waitUntil((d) -> !alice.find("#scrim").isDisplayed());
			alice.find("#toggle-users").click();
			alice.waitUntil((d) -> alice.find("#user-list").isDisplayed());
			assertClean(alice, "the online panel opened on a phone");
		}
	}

	@ParameterizedTest
	@EnumSource(Layout.class)
	void seenByTheNewMessagesDividerAndAConversationAreClean(Layout layout) {
		Browser alice = browser().joinChat("Alice", "tech");
		Browser bob = browser(layout).joinChat("Bob", "tech");
		alice.say("before");
		bob.waitUntil((d) -> bob.messages().contains("theirs Alice: before"));
		bob.say("read it");
		bob.waitUntil((d) -> !bob.findAll("#messages .seen-by").isEmpty());
		assertClean(bob, "a room with Seen by");

		bob.driver().executeScript("document.querySelector(\"a[data-room='random']\").click()");
		bob.waitUntil((d) -> bob.find("#room-title").getText().equals("# Random"));
		alice.say("one");
		alice.say("two");
		bob.waitUntil((d) -> bob.find("a[data-room='tech'] .counts").getDomProperty("textContent").contains("2 unread"));
		assertClean(bob, "another room with unread messages");
		bob.driver().executeScript("document.querySelector(\"a[data-room='tech']\").click()");
		bob.waitUntil((d) -> !bob.findAll("#messages .unread-divider").isEmpty());
		assertClean(bob, "the new-messages divider");

		bob.driver().executeScript("""
				[...document.querySelectorAll('#user-list .user-name')].find((b) => b.textContent.trim() === 'Alice').click()
				""");
		bob.waitUntil((d) -> bob.find("#room-title").getText().equals("@ Alice"));
		bob.say("a private word");
		bob.waitUntil((d) -> bob.ticked().contains("a private word"));
		assertClean(bob, "a conversation");
	}

	@ParameterizedTest
	@EnumSource(Layout.class)
	void aPictureItsViewerTheUploadPreviewAndAnUploadErrorAreClean(Layout layout) {
		Browser alice = browser(layout).joinChat("Alice", "random");
		alice.find("#message-input").click();
		alice.paste(ImageSharingBrowserIT.screenshot(800, 600), "screen.png", "image/png");
		alice.waitUntil((d) -> alice.find("#attachment").isDisplayed());
		assertClean(alice, "the upload preview");

		alice.find("#message-input").sendKeys("a caption", Keys.ENTER);
		alice.waitUntil((d) -> !alice.findAll("#messages .thumbnail").isEmpty());
		assertClean(alice, "a picture in the room");
		alice.find("#messages .thumbnail").click();
		alice.waitUntil((d) -> alice.find("#image-viewer").isDisplayed());
		assertClean(alice, "the image viewer");
		alice.find("#viewer-close").click();

		alice.paste("not a picture at all".getBytes(), "fake.png", "image/png");
		alice.waitUntil((d) -> alice.find("#attachment").isDisplayed());
		alice.find("#send-button").click();
		alice.waitUntil((d) -> alice.find("#notice").isDisplayed());
		assertClean(alice, "an upload refused");
	}

	@Test
	void aScreenReaderHearsOthersNewMessagesOnceAndNotYourOwnTheHistoryOrTyping() {
		Browser bob = browser().joinChat("Bob", "general");
		bob.say("said before Alice came");
		bob.waitUntil((d) -> bob.messages().contains("mine Bob: said before Alice came"));
		Browser alice = browser().joinChat("Alice", "general");
		alice.waitUntil((d) -> alice.messages().contains("theirs Bob: said before Alice came"));
		assertThat(announced(alice)).as("the history on join").isEmpty();

		bob.say("hello Alice");
		alice.waitUntil((d) -> alice.messages().contains("theirs Bob: hello Alice"));
		alice.say("hi Bob");
		alice.waitUntil((d) -> alice.messages().contains("mine Alice: hi Bob"));
		bob.find("#message-input").sendKeys("still typing");
		alice.waitUntil((d) -> !alice.find("#typing").getText().isEmpty());
		browser().joinChat("Carol", "general");
		alice.waitUntil((d) -> announced(alice).size() == 2);

		assertThat(announced(alice)).containsExactly("Bob: hello Alice", "Carol joined #general");
		assertThat(alice.find("#announcer").getDomAttribute("aria-live")).isEqualTo("polite");
		for (String quiet : List.of("#messages", "#typing", "#connection-banner")) {
			assertThat(alice.find(quiet).getDomAttribute("aria-live")).as("%s is no live region", quiet).isNull();
			assertThat(alice.find(quiet).getDomAttribute("role")).as("%s is no live region", quiet).isNull();
		}
	}

	@Test
	void thePagesReflowAt320PixelsAndAt200PercentWithoutScrollingSideways() {
		for (int[] size : List.of(new int[] { 320, 640 }, new int[] { 640, 400 })) {
			Browser browser = new Browser(this.port, size[0], size[1]);
			this.browsers.add(browser);
			browser.open("/");
			browser.waitUntil((d) -> browser.findAll(".room-choice").size() == 3);
			assertThat(overflow(browser)).as("the landing page %d px wide", size[0]).isZero();
			browser.joinChat("Wide" + size[0], "general");
			browser.say("a message long enough to wrap at least once on a narrow screen, and then some more words");
			browser.waitUntil((d) -> !browser.ticked().isEmpty());
			assertThat(overflow(browser)).as("the chat page %d px wide", size[0]).isZero();
		}
	}

	@Test
	void reducedMotionStopsTheSlidingPanels() {
		Browser still = new Browser(this.port, 390, 844, List.of("--force-prefers-reduced-motion"));
		this.browsers.add(still);
		Browser moving = browser(Layout.PHONE);
		for (Browser browser : List.of(still, moving)) {
			browser.joinChat((browser == still) ? "Still" : "Moving", "general");
		}

		assertThat(transition(still)).isEqualTo("0s");
		assertThat(transition(moving)).isEqualTo("0.2s");
	}

	private static List<String> announced(Browser browser) {
		return browser.texts("#announcer p");
	}

	/** How far the page scrolls sideways: 0 when it fits. */
	private static long overflow(Browser browser) {
		return (Long) browser.driver()
			.executeScript("return Math.max(0, document.documentElement.scrollWidth - window.innerWidth)");
	}

	private static String transition(Browser browser) {
		WebElement panel = browser.find(".rooms-panel");
		return (String) browser.driver().executeScript("return getComputedStyle(arguments[0]).transitionDuration", panel);
	}

}
