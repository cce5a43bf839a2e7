package io.livechat.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.livechat.chat.RoomRegistry;
import io.livechat.chat.RoomSummary;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read receipts as people see them, in real headless Chromium against the whole application:
 * "Seen by" under the newest message each person has on screen, unread badges for the other
 * rooms, and the setting that hides them both ways.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadReceiptsBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	RoomRegistry rooms;

	private final List<Browser> browsers = new ArrayList<>();

	@AfterEach
	void closeBrowsers() {
		this.browsers.forEach(Browser::close);
		Awaitility.await()
			.atMost(Duration.ofSeconds(35))
			.until(() -> this.rooms.summaries().stream().mapToInt(RoomSummary::users).sum() == 0);
	}

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
		bob.say("seen it");
		bob.waitUntil((d) -> seenUnder(bob, "seen it").equals(List.of("Seen by Alice")));
		alice.waitUntil((d) -> seenUnder(alice, "seen it").equals(List.of("Seen by Bob")));
		assertThat(seenUnder(alice, "<b>second</b>")).as("moved to the newest").isEmpty();
	}

	@Test
	void anotherRoomsBadgeCountsWhatCameSinceYouReadItAndGoesWhenYouAreBack() {
		Browser alice = browser().joinChat("Alice", "general");
		Browser bob = browser().joinChat("Bob", "general");
		alice.say("before");
		bob.waitUntil((d) -> bob.messages().contains("theirs Alice: before"));
		alice.waitUntil((d) -> seenUnder(alice, "before").equals(List.of("Seen by Bob")));
		bob.find("button[data-room='tech']").click();
		bob.waitUntil((d) -> bob.find("#room-title").getText().equals("# Tech"));

		alice.say("one");
		alice.say("two");

		bob.waitUntil((d) -> unreadBadge(bob, "general").equals("2"));
		assertThat(unreadBadge(bob, "tech")).isEmpty();
		bob.find("button[data-room='general']").click();
		bob.waitUntil((d) -> bob.messages().contains("theirs Alice: two"));
		bob.waitUntil((d) -> unreadBadge(bob, "general").isEmpty());
	}

	@Test
	void turningReceiptsOffHidesYoursFromOthersAndTheirsFromYou() {
		Browser alice = browser().joinChat("Alice", "general");
		Browser bob = browser().joinChat("Bob", "general");
		alice.say("hello");
		alice.waitUntil((d) -> seenUnder(alice, "hello").equals(List.of("Seen by Bob")));
		bob.say("hi");
		bob.waitUntil((d) -> seenUnder(bob, "hi").equals(List.of("Seen by Alice")));

		bob.find("#receipts-toggle").click();

		alice.waitUntil((d) -> alice.findAll(".seen-by").stream().noneMatch((line) -> line.getText().contains("Bob")));
		bob.waitUntil((d) -> bob.findAll(".seen-by").isEmpty());
		alice.say("are you there?");
		bob.waitUntil((d) -> bob.messages().contains("theirs Alice: are you there?"));
		bob.say("yes");
		alice.waitUntil((d) -> alice.messages().contains("theirs Bob: yes"));
		assertThat(bob.findAll(".seen-by")).isEmpty();
		assertThat(alice.findAll(".seen-by")).noneMatch((line) -> line.getText().contains("Bob"));
		bob.driver().navigate().refresh();
		bob.waitUntil((d) -> !bob.find("#receipts-toggle").isSelected() && bob.messages().contains("mine Bob: yes"));
	}

	/** The "Seen by" lines under the message with this text. */
	private static List<String> seenUnder(Browser browser, String text) {
		for (WebElement message : browser.findAll("#messages .message")) {
			if (message.findElement(By.cssSelector(".text")).getText().equals(text)) {
				return message.findElements(By.cssSelector(".seen-by"))
					.stream()
					.map(WebElement::getText)
					.toList();
			}
		}
		return List.of();
	}

	/** A room's unread badge in the sidebar: its text, or empty when it is hidden. */
	private static String unreadBadge(Browser browser, String room) {
		WebElement badge = browser.find("button[data-room='" + room + "'] .badge.unread");
		return badge.isDisplayed() ? badge.getText() : "";
	}

	private Browser browser() {
		Browser browser = new Browser(this.port, 1280, 800);
		this.browsers.add(browser);
		return browser;
	}

}
