package io.livechat.web;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import io.livechat.chat.ChatException;
import io.livechat.direct.Conversation;
import io.livechat.direct.DirectMessage;
import io.livechat.direct.DirectMessageStore;
import io.livechat.people.Person;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.web.socket.WebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Direct messages as people use them, in real headless Chromium against the whole application:
 * opened from the online list, listed in the sidebar with unread badges, kept across reloads,
 * and blocked.
 */
@Import(ChatPagesBrowserIT.DroppableConnections.class)
class DirectMessagesBrowserIT extends BrowserTest {

	@Autowired
	ChatPagesBrowserIT.OpenSessions sessions;

	@Autowired
	DirectMessageStore store;

	@Override
	void afterBrowsersClosed() {
		this.sessions.clear();
	}

	@Test
	void clickingANameInTheOnlineListOpensAConversationAndBothSidesSeeItLive() {
		Browser alice = browser().joinChat("Alice", "general");
		Browser bob = browser().joinChat("Bob", "general");
		alice.waitUntil((d) -> alice.texts(".user-name").contains("Bob"));

		alice.openConversationFromOnlineList("Bob");
		assertThat(alice.url()).contains("dm=").doesNotContain("room=");
		assertThat(alice.messages()).isEmpty();
		String markup = "<img src=x onerror=alert(1)> just between us";
		alice.say(markup);

		alice.waitUntil((d) -> alice.messages().contains("mine Alice: " + markup));
		bob.waitUntil((d) -> bob.conversationEntry("Alice").isPresent());
		assertThat(bob.find("#room-title").getText()).isEqualTo("# General");
		assertThat(bob.messages()).noneMatch((m) -> m.contains("just between us"));
		bob.openListedConversation("Alice");
		bob.waitUntil((d) -> bob.messages().contains("theirs Alice: " + markup));
		assertThat(bob.find("#room-title").getText()).isEqualTo("@ Alice");
		assertThat(bob.findAll("#messages img")).isEmpty();

		bob.say("Hello Alice, privately");

		alice.waitUntil((d) -> alice.messages().contains("theirs Bob: Hello Alice, privately"));
		bob.waitUntil((d) -> bob.messages().contains("mine Bob: Hello Alice, privately"));
		assertThat(alice.messages()).containsExactly("mine Alice: " + markup, "theirs Bob: Hello Alice, privately");
		assertThat(bob.messages()).containsExactly("theirs Alice: " + markup, "mine Bob: Hello Alice, privately");
		assertThat(alice.messageIds()).isEqualTo(bob.messageIds()).doesNotHaveDuplicates();
		assertThat(alice.find("#dm-list .dm-button.active .dm-name").getDomProperty("textContent")).isEqualTo("Bob");
		assertThat(alice.find("#dm-list .dm-name").getTagName()).isEqualTo("bdi");
		for (Browser browser : List.of(alice, bob)) {
			assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
		}
	}

	@Test
	void aDirectMessageRaisesTheBadgeOfARecipientInARoomAndOpeningTheConversationClearsIt() {
		Browser alice = browser().joinChat("Alice", "general");
		Browser bob = browser().joinChat("Bob", "tech");
		alice.find("a[data-room='tech']").click();
		alice.waitUntil((d) -> alice.texts(".user-name").contains("Bob"));
		alice.openConversationFromOnlineList("Bob");

		alice.say("first");
		alice.say("second");

		bob.waitUntil((d) -> badge(bob, "Alice").equals("2"));
		assertThat(bob.find("#room-title").getText()).isEqualTo("# Tech");
		assertThat(bob.messages()).isEmpty();
		bob.waitUntil((d) -> !presenceDot(bob, "Alice").contains("offline"));

		bob.openListedConversation("Alice");

		bob.waitUntil((d) -> bob.messages().equals(List.of("theirs Alice: first", "theirs Alice: second")));
		bob.waitUntil((d) -> badge(bob, "Alice").isEmpty());
		assertThat(bob.driver().getTitle()).isEqualTo("Alice · LiveChat");

		// the server took the read: a fresh page in the room lists the conversation as read
		bob.open("/chat.html?username=Bob&room=tech");
		bob.waitUntil((d) -> bob.conversationEntry("Alice").isPresent() && badge(bob, "Alice").isEmpty());
		alice.say("third");
		bob.waitUntil((d) -> badge(bob, "Alice").equals("1"));
	}

	@Test
	void whileTheTabIsHiddenTheTitleCountsUnreadDirectMessagesAndShowingItReadsThem() {
		Browser alice = browser().joinChat("Alice", "general");
		Browser bob = browser().joinChat("Bob", "general");
		alice.openConversationFromOnlineList("Bob");

		setHidden(bob, true);
		alice.say("are you there?");

		bob.waitUntil((d) -> bob.driver().getTitle().equals("(1) LiveChat"));
		alice.say("hello?");
		bob.waitUntil((d) -> bob.driver().getTitle().equals("(2) LiveChat"));

		setHidden(bob, false);
		bob.waitUntil((d) -> bob.driver().getTitle().equals("#General · LiveChat"));
		assertThat(badge(bob, "Alice")).isEqualTo("2");

		// in the conversation, a DM that comes while the tab is hidden is unread until it is shown
		bob.openListedConversation("Alice");
		bob.waitUntil((d) -> bob.messages().size() == 2 && badge(bob, "Alice").isEmpty());
		setHidden(bob, true);
		alice.say("one more");
		bob.waitUntil((d) -> bob.messages().contains("theirs Alice: one more"));
		bob.waitUntil((d) -> bob.driver().getTitle().equals("(1) LiveChat"));
		assertThat(badge(bob, "Alice")).isEqualTo("1");

		setHidden(bob, false);
		bob.waitUntil((d) -> bob.driver().getTitle().equals("Alice · LiveChat") && badge(bob, "Alice").isEmpty());
	}

	@Test
	void aReloadKeepsTheConversationAndItsHistoryAndBackReturnsToTheRoom() {
		Browser alice = browser().joinChat("Alice", "random");
		Browser bob = browser().joinChat("Bob", "random");
		alice.openConversationFromOnlineList("Bob");
		alice.say("one");
		alice.say("two");
		bob.openListedConversation("Alice");
		bob.waitUntil((d) -> bob.messages().size() == 2);
		bob.say("three");
		alice.waitUntil((d) -> alice.messages().contains("theirs Bob: three"));
		String conversationUrl = alice.url();

		alice.driver().navigate().refresh();

		alice.waitUntil((d) -> alice.find("#room-title").getText().equals("@ Bob")
				&& alice.messages().equals(List.of("mine Alice: one", "mine Alice: two", "theirs Bob: three")));
		assertThat(alice.url()).isEqualTo(conversationUrl);
		alice.waitUntil((d) -> alice.texts(".user-name").containsAll(List.of("Alice", "Bob")));
		assertThat(this.rooms.users("random")).contains("Alice");

		alice.driver().navigate().back();

		alice.waitUntil((d) -> alice.url().contains("room=random") && alice.find("#room-title").getText().equals("# Random"));
		alice.waitUntil((d) -> alice.findAll(".history-start").size() == 1);
		assertThat(alice.messages()).isEmpty();

		alice.driver().navigate().forward();

		alice.waitUntil((d) -> alice.find("#room-title").getText().equals("@ Bob") && alice.messages().size() == 3);
		alice.say("four");
		bob.waitUntil((d) -> bob.messages().contains("theirs Alice: four"));
	}

	@Test
	void aDroppedConnectionCatchesUpWithTheConversationWithoutDuplicatesOrGaps() {
		Browser alice = browser().joinChat("Alice", "general");
		WebSocketSession aliceSession = this.sessions.only();
		Browser bob = browser().joinChat("Bob", "general");
		alice.openConversationFromOnlineList("Bob");
		alice.say("before the drop");
		bob.openListedConversation("Alice");
		bob.waitUntil((d) -> bob.messages().contains("theirs Alice: before the drop"));

		this.sessions.drop(aliceSession);
		alice.waitUntil((d) -> alice.find("#connection-banner").isDisplayed());
		bob.say("while away 1");
		bob.say("while away 2");
		bob.say("while away 3");
		bob.waitUntil((d) -> bob.messages().contains("mine Bob: while away 3"));

		alice.waitUntil((d) -> alice.messages().contains("theirs Bob: while away 3"));
		alice.waitUntil((d) -> alice.find("#connection-banner").getDomAttribute("hidden") != null);
		alice.say("after the drop");
		bob.waitUntil((d) -> bob.messages().contains("theirs Alice: after the drop"));
		alice.waitUntil((d) -> alice.messages().contains("mine Alice: after the drop"));

		assertThat(alice.messages()).containsExactly("mine Alice: before the drop", "theirs Bob: while away 1",
				"theirs Bob: while away 2", "theirs Bob: while away 3", "mine Alice: after the drop");
		assertThat(alice.messageIds()).containsExactlyElementsOf(LongStream.rangeClosed(1, 5).boxed().toList());
		assertThat(bob.messageIds()).isEqualTo(alice.messageIds());
	}

	@Test
	void scrollingUpInAConversationLoadsEarlierPagesInPlaceUntilItsBeginning() throws Exception {
		Browser alice = browser().joinChat("Alice", "tech");
		Browser bob = browser().joinChat("Bob", "tech");
		alice.openConversationFromOnlineList("Bob");
		bob.openConversationFromOnlineList("Alice");
		String aliceId = publicIdInUrl(bob);
		String bobId = publicIdInUrl(alice);
		BlockingQueue<Object> stored = new LinkedBlockingQueue<>();
		for (int i = 1; i <= 130; i++) {
			this.store.append(Conversation.between(aliceId, bobId), new Person(bobId, "Bob"), new Person(aliceId, "Alice"),
					"archived " + i, System.currentTimeMillis(), false, new DirectMessageStore.Stored() {
						@Override
						public void stored(DirectMessage message) {
							stored.add(message);
						}

						@Override
						public void failed(ChatException reason) {
							stored.add(reason);
						}
					});
		}
		for (int i = 1; i <= 130; i++) {
			assertThat(stored.poll(10, TimeUnit.SECONDS)).isInstanceOf(DirectMessage.class);
		}

		alice.driver().navigate().refresh();
		alice.waitUntil((d) -> alice.messages().contains("theirs Bob: archived 130"));
		assertThat(alice.messages()).hasSize(50);
		for (int page = 0; page < 10 && alice.findAll(".history-start").isEmpty(); page++) {
			int shown = alice.messages().size();
			String firstId = alice.find("#messages .message").getDomAttribute("data-id");
			alice.driver().executeScript("document.getElementById('messages').scrollTop = 0");
			alice.waitUntil((d) -> alice.messages().size() > shown || !alice.findAll(".history-start").isEmpty());
			// the message that was on top is still in view, not scrolled away by what came above it
			Object top = alice.driver().executeScript("return document.querySelector(\"#messages .message[data-id='"
					+ firstId + "']\").getBoundingClientRect().top - document.getElementById('messages').getBoundingClientRect().top");
			assertThat(((Number) top).doubleValue()).isBetween(-5.0, 150.0);
		}

		alice.waitUntil((d) -> !alice.findAll(".history-start").isEmpty());
		assertThat(alice.find(".history-start").getText()).isEqualTo("This is the beginning of your conversation with Bob.");
		assertThat(alice.messageIds()).containsExactlyElementsOf(LongStream.rangeClosed(1, 130).boxed().toList());
		assertThat(alice.messages()).startsWith("theirs Bob: archived 1", "theirs Bob: archived 2")
			.endsWith("theirs Bob: archived 129", "theirs Bob: archived 130");
	}

	@Test
	void blockingSomeoneHidesTheDirectMessagesTheySendUntilUnblockedAndAfterwards() {
		Browser alice = browser().joinChat("Alice", "general");
		Browser bob = browser().joinChat("Bob", "general");
		bob.openConversationFromOnlineList("Alice");
		bob.say("before the block");
		alice.openListedConversation("Bob");
		alice.waitUntil((d) -> alice.messages().contains("theirs Bob: before the block"));
		assertThat(alice.find("#block-button").getText()).isEqualTo("Block");

		alice.find("#block-button").click();
		alice.waitUntil((d) -> alice.find("#block-button").getText().equals("Unblock"));
		bob.say("while blocked");
		bob.waitUntil((d) -> bob.messages().contains("mine Bob: while blocked")); // stored: Bob sees nothing different
		alice.find("#block-button").click();
		alice.waitUntil((d) -> alice.find("#block-button").getText().equals("Block"));
		bob.say("after the unblock");

		alice.waitUntil((d) -> alice.messages().contains("theirs Bob: after the unblock"));
		assertThat(alice.messages()).containsExactly("theirs Bob: before the block", "theirs Bob: after the unblock");
		alice.driver().navigate().refresh();
		alice.waitUntil((d) -> alice.messages().size() == 2);
		assertThat(alice.messages()).containsExactly("theirs Bob: before the block", "theirs Bob: after the unblock");
	}

	@Test
	void aBlockedPersonsMessagesRaiseNoBadgeInARoom() {
		Browser alice = browser().joinChat("Alice", "general");
		Browser bob = browser().joinChat("Bob", "general");
		alice.openConversationFromOnlineList("Bob");
		alice.find("#block-button").click();
		alice.waitUntil((d) -> alice.find("#block-button").getText().equals("Unblock"));
		alice.find("a[data-room='general']").click();
		alice.waitUntil((d) -> alice.find("#room-title").getText().equals("# General"));
		bob.openConversationFromOnlineList("Alice");

		bob.say("you cannot see this");
		bob.waitUntil((d) -> bob.messages().contains("mine Bob: you cannot see this"));
		bob.find("a[data-room='general']").click();
		bob.waitUntil((d) -> bob.find("#room-title").getText().equals("# General"));
		bob.say("but this, in the room");

		alice.waitUntil((d) -> alice.messages().contains("theirs Bob: but this, in the room"));
		assertThat(alice.conversationEntry("Bob")).isEmpty();
		assertThat(alice.driver().getTitle()).isEqualTo("#General · LiveChat");
	}

	@Test
	void aLinkToAConversationWithNobodyShowsTheRoomAndSaysWhy() {
		Browser alice = browser();
		alice.open("/chat.html?username=Alice&dm=AAAAAAAAAAAAAAAAAAAAAA");

		alice.waitUntil((d) -> alice.find("#room-title").getText().equals("# General") && alice.url().contains("room=general"));
		alice.waitUntil((d) -> alice.find("#notice").isDisplayed());
		assertThat(alice.find("#notice").getText()).isEqualTo("There is nobody with that id on LiveChat.");
	}

	/** The other person's public id, from the address of the conversation shown. */
	private static String publicIdInUrl(Browser browser) {
		return browser.url().replaceAll(".*[?&]dm=([^&]+).*", "$1");
	}

	/** The classes of the presence dot beside a conversation. */
	private static String presenceDot(Browser browser, String name) {
		return browser.conversationEntry(name).orElseThrow()
			.findElement(By.cssSelector(".presence-dot")).getDomAttribute("class");
	}

	/** The unread count shown beside a conversation; empty when none is shown. */
	private static String badge(Browser browser, String name) {
		return browser.conversationEntry(name).map((entry) -> entry.findElement(By.cssSelector(".badge")))
			.filter(WebElement::isDisplayed)
			.map(WebElement::getText)
			.orElse("");
	}

	/**
	 * Headless Chromium keeps every tab visible, so the test hides one the way the page sees it:
	 * document.hidden and visibilityState, then the visibilitychange event a browser fires.
	 */
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
