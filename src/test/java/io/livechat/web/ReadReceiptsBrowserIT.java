package io.livechat.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read receipts as people see them, in real headless Chromium against the whole application:
 * "Seen by" under the newest message each person has on screen, unread badges for the other
 * rooms, "Seen" under the newest DM the other person has read, the "New messages" divider and its
 * jump button, the hidden tab's title, and the setting that hides receipts both ways.
 */
class ReadReceiptsBrowserIT extends BrowserTest {

	@Test
	void twoPeopleInARoomSeeEachOthersSeenByUnderTheNewestMessageTheyHaveSeen() {
		Browser alice = browser().joinChat("Alice", "general");
		Browser bob = browser().joinChat("Bob", "general");
		alice.waitUntil((d) -> alice.texts(".user-name").contains("Bob"));

		alice.say("first");
		alice.say("<b>second</b>");

		alice.waitUntil((d) -> seenUnder(alice, "<b>second</b>").equals(List.of("Seen by Bob")));
		assertThat(seenUnder(alice, "first")).isEmpty();
		assertThat(alice.findAll("#messages b")).isEmpty();
		assertThat(alice.find(".seen-by bdi").getDomProperty("textContent")).isEqualTo("Bob");
		bob.say("seen it");
		bob.waitUntil((d) -> seenUnder(bob, "seen it").equals(List.of("Seen by Alice")));
		alice.waitUntil((d) -> seenUnder(alice, "seen it").equals(List.of("Seen by Bob")));
		assertThat(seenUnder(alice, "<b>second</b>")).as("moved to the newest").isEmpty();
		assertThat(alice.findAll(".seen-by")).as("never yourself").noneMatch((line) -> line.getText().contains("Alice"));
	}

	@Test
	void anotherRoomsBadgeAndTheHiddenTabsTitleCountWhatCameSinceYouReadItAndANewMessagesDividerShowsWhere() {
		Browser alice = browser().joinChat("Alice", "general");
		Browser bob = browser().joinChat("Bob", "general");
		alice.say("before");
		bob.waitUntil((d) -> bob.messages().contains("theirs Alice: before"));
		alice.waitUntil((d) -> seenUnder(alice, "before").equals(List.of("Seen by Bob")));
		bob.find("a[data-room='tech']").click();
		bob.waitUntil((d) -> bob.find("#room-title").getText().equals("# Tech"));
		setHidden(bob, true);

		alice.say("one");
		alice.say("two");

		bob.waitUntil((d) -> unreadBadge(bob, "general").equals("2"));
		assertThat(unreadBadge(bob, "tech")).as("the room shown").isEmpty();
		bob.waitUntil((d) -> bob.driver().getTitle().equals("(2) LiveChat"));
		setHidden(bob, false);
		bob.waitUntil((d) -> bob.driver().getTitle().equals("#Tech · LiveChat"));

		bob.find("a[data-room='general']").click();

		bob.waitUntil((d) -> bob.messages().contains("theirs Alice: two"));
		bob.waitUntil((d) -> unreadBadge(bob, "general").isEmpty());
		assertThat(bob.findAll("#messages .unread-divider")).hasSize(1);
		assertThat(textAfterDivider(bob)).isEqualTo("one");
		assertThat(bob.find(".unread-divider").getText()).isEqualToIgnoringCase("New messages");
		assertThat(bob.find("#jump-unread").isDisplayed()).as("the divider is on screen").isFalse();
	}

	@Test
	void aNewMessagesDividerOffScreenHasAButtonThatJumpsToIt() {
		Browser alice = browser().joinChat("Alice", "random");
		Browser bob = browser().joinChat("Bob", "random");
		alice.say("before");
		bob.waitUntil((d) -> bob.messages().contains("theirs Alice: before"));
		alice.waitUntil((d) -> seenUnder(alice, "before").equals(List.of("Seen by Bob")));
		bob.find("a[data-room='tech']").click();
		bob.waitUntil((d) -> bob.find("#room-title").getText().equals("# Tech"));
		for (int i = 1; i <= 18; i++) {
			alice.say("while Bob was away " + i);
		}
		bob.waitUntil((d) -> unreadBadge(bob, "random").equals("18"));

		bob.find("a[data-room='random']").click();

		bob.waitUntil((d) -> bob.messages().contains("theirs Alice: while Bob was away 18"));
		assertThat(textAfterDivider(bob)).isEqualTo("while Bob was away 1");
		bob.waitUntil((d) -> bob.find("#jump-unread").isDisplayed());
		assertThat(bob.find("#jump-unread").getText()).contains("Jump to first unread");
		bob.find("#jump-unread").click();
		bob.waitUntil((d) -> !bob.find("#jump-unread").isDisplayed() && onScreen(bob, ".unread-divider"));
	}

	@Test
	void turningReceiptsOffInTheSettingsMenuHidesYoursFromOthersAndTheirsFromYou() {
		Browser alice = browser().joinChat("Alice", "general");
		Browser bob = browser().joinChat("Bob", "general");
		alice.say("hello");
		alice.waitUntil((d) -> seenUnder(alice, "hello").equals(List.of("Seen by Bob")));
		bob.say("hi");
		bob.waitUntil((d) -> seenUnder(bob, "hi").equals(List.of("Seen by Alice")));
		assertThat(bob.find("#settings-button").getDomAttribute("aria-label")).isEqualTo("Settings");
		assertThat(bob.find("#settings-menu").isDisplayed()).isFalse();

		bob.find("#settings-button").click();
		bob.waitUntil((d) -> bob.find("#settings-menu").isDisplayed());
		assertThat(bob.find("#settings-button").getDomAttribute("aria-expanded")).isEqualTo("true");
		assertThat(bob.find("#settings-menu label").getText()).isEqualTo("Send and show read receipts");
		assertThat(bob.find("#receipts-toggle").isSelected()).isTrue();
		bob.find("#receipts-toggle").click();

		alice.waitUntil((d) -> alice.findAll(".seen-by").stream().noneMatch((line) -> line.getText().contains("Bob")));
		bob.waitUntil((d) -> bob.findAll(".seen-by").isEmpty());
		new Actions(bob.driver()).sendKeys(Keys.ESCAPE).perform();
		bob.waitUntil((d) -> !bob.find("#settings-menu").isDisplayed());
		alice.say("are you there?");
		bob.waitUntil((d) -> bob.messages().contains("theirs Alice: are you there?"));
		bob.say("yes");
		alice.waitUntil((d) -> alice.messages().contains("theirs Bob: yes"));
		assertThat(bob.findAll(".seen-by")).isEmpty();
		assertThat(alice.findAll(".seen-by")).noneMatch((line) -> line.getText().contains("Bob"));

		// remembered for the person: a fresh page starts with the setting off
		bob.driver().navigate().refresh();
		bob.waitUntil((d) -> !bob.find("#receipts-toggle").isSelected() && bob.messages().contains("mine Bob: yes"));
		assertThat(bob.findAll(".seen-by")).isEmpty();

		bob.find("#settings-button").click();
		bob.find("#receipts-toggle").click();
		alice.say("back on?");
		alice.waitUntil((d) -> seenUnder(alice, "back on?").equals(List.of("Seen by Bob")));
	}

	@Test
	void moreThanThreeReadersAreCountedWithTheirNamesInATooltipAKeyboardCanReach() {
		Browser alice = browser().joinChat("Alice", "tech");
		List<String> readers = List.of("Bea", "Cy", "Dee", "Eve");
		List<Browser> others = readers.stream().map((name) -> browser().joinChat(name, "tech")).toList();
		alice.waitUntil((d) -> alice.texts(".user-name").containsAll(readers));

		alice.say("everyone?");

		others.forEach((other) -> other.waitUntil((d) -> other.messages().contains("theirs Alice: everyone?")));
		alice.waitUntil((d) -> seenUnder(alice, "everyone?").equals(List.of("Seen by 4")));
		WebElement line = alice.find(".seen-by");
		assertThat(line.getDomAttribute("title")).isEqualTo("Bea, Cy, Dee, Eve");
		assertThat(line.getDomAttribute("aria-label")).isEqualTo("Seen by Bea, Cy, Dee, Eve");
		assertThat(line.getDomAttribute("tabindex")).isEqualTo("0");
	}

	@Test
	void seenShowsUnderYourNewestDirectMessageTheOtherPersonHasRead() {
		Browser alice = browser().joinChat("Alice", "general");
		Browser bob = browser().joinChat("Bob", "general");
		alice.openConversationFromOnlineList("Bob");
		alice.say("one");
		alice.say("two");
		alice.waitUntil((d) -> alice.messages().contains("mine Alice: two"));
		assertThat(alice.findAll(".seen-by")).as("Bob has not opened it").isEmpty();

		bob.openListedConversation("Alice");

		bob.waitUntil((d) -> bob.messages().contains("theirs Alice: two"));
		alice.waitUntil((d) -> seenUnder(alice, "two").equals(List.of("Seen")));
		assertThat(seenUnder(alice, "one")).isEmpty();
		assertThat(bob.findAll(".seen-by")).as("nothing of Bob's to see").isEmpty();
		alice.say("three");
		alice.waitUntil((d) -> seenUnder(alice, "three").equals(List.of("Seen")));
		assertThat(alice.findAll(".seen-by")).hasSize(1);
	}

	/** The "Seen by" lines under the message with this text. */
	private static List<String> seenUnder(Browser browser, String text) {
		for (WebElement message : browser.findAll("#messages .message")) {
			if (message.findElement(By.cssSelector(".text")).getText().equals(text)) {
				return message.findElements(By.cssSelector(".seen-by")).stream().map(WebElement::getText).toList();
			}
		}
		return List.of();
	}

	/** The text of the message right below the "New messages" divider. */
	private static String textAfterDivider(Browser browser) {
		return (String) browser.driver()
			.executeScript("return document.querySelector('.unread-divider + .message .text').textContent");
	}

	private static boolean onScreen(Browser browser, String css) {
		return (Boolean) browser.driver().executeScript("""
				const list = document.getElementById('messages').getBoundingClientRect();
				const rect = document.querySelector(arguments[0]).getBoundingClientRect();
				return rect.bottom > list.top && rect.top < list.bottom;""", css);
	}

	/** A room's unread badge in the sidebar: its text, or empty when it is hidden. */
	private static String unreadBadge(Browser browser, String room) {
		WebElement badge = browser.find("a[data-room='" + room + "'] .badge.unread");
		return badge.isDisplayed() ? badge.getText() : "";
	}

	/** Headless Chromium keeps every tab visible: the test hides one the way the page sees it. */
	private static void setHidden(Browser browser, boolean hidden) {
		browser.driver().executeScript("""
				if (arguments[0]) {
				  Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
				  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
				} else {
				  delete document.hidden;
				  delete document.visibilityState;
				}
				document.dispatchEvent(new Event('visibilitychange'));""", hidden);
	}

}
