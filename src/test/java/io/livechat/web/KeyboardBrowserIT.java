package io.livechat.web;

import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages from the keyboard alone, in real headless Chromium: every step here is a key press
 * on whatever has the focus, never a click. Other people (who may use a mouse) only set the scene.
 */
class KeyboardBrowserIT extends BrowserTest {

	@Test
	void someoneWithoutAMouseJoinsSendsMovesBetweenRoomsAndOpensAConversation() {
		Browser bob = browser().joinChat("Bob", "general");
		Browser alice = browser().open("/");
		alice.waitUntil((d) -> alice.findAll(".room-choice").size() == 3);

		press(alice, Keys.TAB);
		assertThat(focused(alice).getDomAttribute("id")).as("the name comes first").isEqualTo("username");
		press(alice, "Alice", Keys.TAB);
		press(alice, Keys.ARROW_RIGHT); // General is chosen: Tech is next
		press(alice, Keys.TAB, Keys.ENTER);
		alice.waitUntil((d) -> alice.url().contains("room=tech") && alice.texts(".user-name").contains("Alice"));

		press(alice, Keys.TAB);
		assertThat(focused(alice).getText()).as("the first stop on the chat page").isEqualTo("Skip to messages");
		press(alice, Keys.ENTER);
		assertThat(focused(alice).getDomAttribute("id")).isEqualTo("messages");
		tabUntil(alice, (e) -> "message-input".equals(e.getDomAttribute("id")));
		press(alice, "hello from the keyboard", Keys.ENTER);
		press(alice, "line one");
		new Actions(alice.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.ENTER).keyUp(Keys.SHIFT).perform();
		press(alice, "line two", Keys.ENTER);
		alice.waitUntil((d) -> alice.messages().size() >= 2 && alice.outgoing().isEmpty());
		assertThat(alice.messages()).containsExactly("mine Alice: hello from the keyboard", "mine Alice: line one\nline two");

		shiftTabUntil(alice, (e) -> "general".equals(e.getDomAttribute("data-room")));
		assertThat(alice.driver().executeScript("return getComputedStyle(arguments[0]).outlineStyle", focused(alice)))
			.as("a visible focus ring").isNotEqualTo("none");
		press(alice, Keys.ENTER);
		alice.waitUntil((d) -> alice.find("#room-title").getText().equals("# General"));
		alice.waitUntil((d) -> alice.texts("#user-list .user-name").contains("Bob"));

		tabUntil(alice, (e) -> e.getText().strip().equals("Bob") && e.getDomAttribute("data-user") != null);
		press(alice, Keys.ENTER);
		alice.waitUntil((d) -> alice.find("#room-title").getText().equals("@ Bob"));
		tabUntil(alice, (e) -> "message-input".equals(e.getDomAttribute("id")));
		press(alice, "just us", Keys.ENTER);
		bob.waitUntil((d) -> bob.conversationEntry("Alice").isPresent());
		alice.waitUntil((d) -> alice.messages().contains("mine Alice: just us"));
	}

	@Test
	void theHistoryScrollsThePictureViewerOpensAndClosesAndAFailedMessageIsRetriedOrDeletedByKey() {
		Browser bob = browser().joinChat("Bob", "random");
		bob.find("#message-input").click();
		bob.paste(ImageSharingBrowserIT.screenshot(640, 480), "shot.png", "image/png");
		bob.waitUntil((d) -> bob.find("#attachment").isDisplayed());
		bob.find("#send-button").click();
		for (int i = 1; i <= 15; i++) {
			bob.say("line " + i);
		}
		bob.waitUntil((d) -> bob.messages().contains("mine Bob: line 15"));
		Browser alice = browser().joinChat("Alice", "random");
		alice.waitUntil((d) -> alice.messages().contains("theirs Bob: line 15"));

		press(alice, Keys.TAB, Keys.ENTER); // the skip link, to the messages
		long bottom = scrollTop(alice);
		press(alice, Keys.PAGE_UP);
		alice.waitUntil((d) -> scrollTop(alice) < bottom);

		tabUntil(alice, (e) -> e.getDomAttribute("class") != null && e.getDomAttribute("class").contains("thumbnail"));
		WebElement thumbnail = focused(alice);
		press(alice, Keys.ENTER);
		alice.waitUntil((d) -> alice.find("#image-viewer").isDisplayed());
		press(alice, Keys.ESCAPE);
		alice.waitUntil((d) -> !alice.find("#image-viewer").isDisplayed());
		assertThat(focused(alice)).as("the focus back where it was").isEqualTo(thumbnail);

		alice.driver().executeScript("""
				document.getElementById('message-input').value = arguments[0];
				document.getElementById('composer').requestSubmit();
				""", "x".repeat(1001)); // the input stops typing at 1000; only a script goes past
		alice.waitUntil((d) -> alice.outgoing().stream().anyMatch((m) -> m.startsWith("failed")));
		shiftTabUntil(alice, (e) -> "retry".equals(e.getDomAttribute("data-action")));
		press(alice, Keys.ENTER);
		alice.waitUntil((d) -> alice.outgoing().size() == 1 && alice.outgoing().get(0).startsWith("failed"));
		assertThat(focused(alice).getDomAttribute("id")).as("back to writing").isEqualTo("message-input");
		shiftTabUntil(alice, (e) -> "delete".equals(e.getDomAttribute("data-action")));
		press(alice, Keys.ENTER);
		alice.waitUntil((d) -> alice.outgoing().isEmpty());
	}

	private static void press(Browser browser, CharSequence... keys) {
		new Actions(browser.driver()).sendKeys(keys).perform();
	}

	private static WebElement focused(Browser browser) {
		return browser.driver().switchTo().activeElement();
	}

	/** Presses Tab until the focus is on what {@code wanted} accepts (at most 60 times). */
	private static void tabUntil(Browser browser, Predicate<WebElement> wanted) {
		moveUntil(browser, wanted, false);
	}

	private static void shiftTabUntil(Browser browser, Predicate<WebElement> wanted) {
		moveUntil(browser, wanted, true);
	}

	private static void moveUntil(Browser browser, Predicate<WebElement> wanted, boolean backwards) {
		for (int i = 0; i < 60; i++) {
			if (wanted.test(focused(browser))) {
				return;
			}
			Actions tab = new Actions(browser.driver());
			(backwards ? tab.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT) : tab.sendKeys(Keys.TAB)).perform();
		}
		throw new AssertionError("The keyboard never reached it; the focus is on " + focused(browser).getTagName() + " "
				+ focused(browser).getDomAttribute("class"));
	}

	private static long scrollTop(Browser browser) {
		return ((Number) browser.driver().executeScript("return document.getElementById('messages').scrollTop")).longValue();
	}

}
