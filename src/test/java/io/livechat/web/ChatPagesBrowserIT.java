package io.livechat.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

import io.livechat.chat.ChatMessage;
import io.livechat.chat.MessageStore;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pages as people use them, in real headless Chromium against the whole application.
 */
class ChatPagesBrowserIT extends BrowserTest {

	@Autowired
	OpenSessions sessions;

	@Autowired
	MessageStore store;

	@Override
	void afterBrowsersClosed() {
		this.sessions.clear();
	}

	@Test
	void twoPeopleSeeEachOthersMessagesLiveOnTheirOwnSides() {
		Browser alice = browser().joinChat("Alice", "general");
		Browser bob = browser().joinChat("Bob", "general");

		alice.say("Hi Bob!");
		bob.waitUntil((d) -> bob.messages().contains("theirs Alice: Hi Bob!"));
		bob.say("Hello Alice");

		alice.waitUntil((d) -> alice.messages().contains("theirs Bob: Hello Alice"));
		assertThat(alice.messages()).endsWith("mine Alice: Hi Bob!", "theirs Bob: Hello Alice");
		assertThat(bob.messages()).endsWith("theirs Alice: Hi Bob!", "mine Bob: Hello Alice");
		WebElement time = alice.find("#messages .message.mine time");
		assertThat(time.getText()).matches("\\d{2}:\\d{2}");
	}

	@Test
	void shiftEnterStartsANewLineAndEnterSends() {
		Browser alice = browser().joinChat("Alice", "general");
		WebElement input = alice.find("#message-input");

		input.sendKeys("line one");
		input.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
		input.sendKeys("line two");
		assertThat(alice.messages()).doesNotContain("mine Alice: line one");
		input.sendKeys(Keys.ENTER);

		alice.waitUntil((d) -> alice.messages().contains("mine Alice: line one\nline two"));
		assertThat(input.getDomProperty("value")).isEmpty();
	}

	@Test
	void anEarlierMessageBeingReadIsNotScrolledAwayANewMessagesPillIsShownInstead() {
		Browser alice = browser().joinChat("Alice", "random");
		Browser bob = browser().joinChat("Bob", "random");
		for (int i = 1; i <= 18; i++) {
			bob.say("filler message number " + i);
		}
		alice.waitUntil((d) -> alice.messages().contains("theirs Bob: filler message number 18"));
		assertThat(isScrolledToBottom(alice)).isTrue();
		alice.driver().executeScript("document.getElementById('messages').scrollTop = 0");

		bob.say("something new");

		alice.waitUntil((d) -> alice.messages().contains("theirs Bob: something new"));
		alice.waitUntil((d) -> alice.find("#new-messages").isDisplayed());
		assertThat(isScrolledToBottom(alice)).isFalse();
		alice.find("#new-messages").click();
		alice.waitUntil((d) -> isScrolledToBottom(alice) && !alice.find("#new-messages").isDisplayed());
	}

	@Test
	void twoTabsOfOneBrowserAreOnePerson() {
		Browser alice = browser().joinChat("Alice", "tech");
		alice.driver().switchTo().newWindow(WindowType.TAB);
		alice.joinChat("Alice", "tech");

		assertThat(alice.texts(".user-name")).containsExactly("Alice");
		assertThat(badge(alice, "tech")).isEqualTo("1");
	}

	@Test
	void whenWebSocketIsBlockedTheChatFallsBackToSockJs() {
		Browser alice = browser().joinChat("Alice", "general");
		Browser behindProxy = browser();
		// as behind a proxy that drops WebSocket upgrades: every WebSocket fails to open
		behindProxy.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
				window.WebSocket = class extends EventTarget {
				  static CONNECTING = 0; static OPEN = 1; static CLOSING = 2; static CLOSED = 3;
				  constructor(url) {
				    super(); this.url = url; this.readyState = 0;
				    setTimeout(() => {
				      this.readyState = 3;
				      this.onerror?.(new Event('error'));
				      this.onclose?.({ code: 1006, reason: 'blocked', wasClean: false });
				    }, 10);
				  }
				  send() {} close() {}
				};"""));

		behindProxy.joinChat("Bob", "general");
		behindProxy.say("through the fallback");

		alice.waitUntil((d) -> alice.messages().contains("theirs Bob: through the fallback"));
		Object sockJsRequests = behindProxy.driver().executeScript(
				"return performance.getEntriesByType('resource').filter(e => e.name.includes('/sockjs/')).length");
		assertThat((Long) sockJsRequests).isPositive();
	}

	@Test
	void scrollingToTheTopLoadsEarlierPagesInPlaceUntilTheBeginning() {
		for (int i = 1; i <= 130; i++) {
			this.store.append("tech", "Archivist", "archived " + i, System.currentTimeMillis());
		}
		Browser reader = browser().joinChat("Reader", "tech");
		reader.waitUntil((d) -> reader.messages().contains("theirs Archivist: archived 130"));
		assertThat(reader.messages()).hasSize(50);

		for (int page = 0; page < 10 && reader.findAll(".history-start").isEmpty(); page++) {
			int shown = reader.messages().size();
			String firstId = reader.find("#messages .message").getDomAttribute("data-id");
			reader.driver().executeScript("document.getElementById('messages').scrollTop = 0");
			reader.waitUntil((d) -> reader.messages().size() > shown || !reader.findAll(".history-start").isEmpty());
			// the message that was on top is still in view, not scrolled away by what came above it
			Object top = reader.driver().executeScript("return document.querySelector(\"#messages .message[data-id='"
					+ firstId + "']\").getBoundingClientRect().top - document.getElementById('messages').getBoundingClientRect().top");
			assertThat(((Number) top).doubleValue()).isBetween(-5.0, 150.0);
		}

		reader.waitUntil((d) -> !reader.findAll(".history-start").isEmpty());
		assertThat(reader.find(".history-start").getText()).contains("This is the beginning of #Tech.");
		List<Long> ids = reader.messageIds();
		assertThat(ids).isSorted().doesNotHaveDuplicates();
		assertThat(ids.get(0)).isEqualTo(1);
		assertThat(reader.messages()).containsSubsequence("theirs Archivist: archived 1", "theirs Archivist: archived 2",
				"theirs Archivist: archived 129", "theirs Archivist: archived 130");
	}

	@Test
	void aLaterJoinerSeesTheHistory() {
		Browser alice = browser().joinChat("Alice", "tech");
		alice.say("first");
		alice.say("second");
		alice.waitUntil((d) -> alice.messages().size() >= 2);

		Browser carol = browser().joinChat("Carol", "tech");

		carol.waitUntil((d) -> carol.messages().size() >= 2);
		assertThat(carol.messages()).endsWith("theirs Alice: first", "theirs Alice: second");
	}

	@Test
	void markupInAMessageIsShownAsTextAndNeverRuns() {
		Browser alice = browser().joinChat("Alice", "general");
		Browser bob = browser().joinChat("Bob", "general");
		String payload = "<img src=x onerror=alert(1)><script>alert(2)</script>";

		alice.say(payload);

		bob.waitUntil((d) -> bob.messages().contains("theirs Alice: " + payload));
		assertThat(bob.findAll("#messages img")).isEmpty();
		assertThat(bob.findAll("#messages script")).isEmpty();
		for (Browser browser : List.of(alice, bob)) {
			assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
		}
	}

	@Test
	void switchingRoomsRedrawsTheChatAndBackReturns() {
		Browser alice = browser().joinChat("Alice", "general");
		alice.say("in general");
		alice.waitUntil((d) -> alice.messages().contains("mine Alice: in general"));

		alice.find("a[data-room='random']").click();

		alice.waitUntil((d) -> alice.url().contains("room=random") && alice.find("#room-title").getText().equals("# Random"));
		alice.waitUntil((d) -> alice.texts(".user-name").contains("Alice") && rooms.users("random").contains("Alice"));
		assertThat(alice.messages()).doesNotContain("mine Alice: in general");
		assertThat(rooms.users("general")).doesNotContain("Alice");
		assertThat(alice.find("a[data-room='random']").getDomAttribute("class")).contains("active");

		alice.driver().navigate().back();

		alice.waitUntil((d) -> alice.url().contains("room=general") && alice.find("#room-title").getText().equals("# General"));
		alice.waitUntil((d) -> alice.messages().contains("mine Alice: in general"));
		assertThat(rooms.users("general")).contains("Alice");
	}

	@Test
	void othersSeeWhoIsTyping() {
		Browser alice = browser().joinChat("Alice", "general");
		Browser bob = browser().joinChat("Bob", "general");

		alice.find("#message-input").sendKeys("I am writing");

		bob.waitUntil((d) -> bob.find("#typing").getText().equals("Alice is typing..."));
		assertThat(alice.find("#typing").getText()).isEmpty();
		bob.waitUntil((d) -> bob.find("#typing").getText().isEmpty()); // a second of quiet
	}

	@Test
	void aDirectionOverrideInAStoredNameOrTextCannotFlipTheAuthorOrTimeAroundIt() {
		// kept from before such texts were refused, or written by a node that let them in
		String name = "\u202EBob";
		ChatMessage stored = this.store.append("random", name, "\u202Ereversed?", System.currentTimeMillis());
		Browser reader = browser().joinChat("Reader", "random");

		reader.waitUntil((d) -> !reader.findAll("#messages .message[data-id='" + stored.id() + "']").isEmpty());
		WebElement message = reader.find("#messages .message[data-id='" + stored.id() + "']");
		WebElement author = message.findElement(By.cssSelector(".author"));
		assertThat(author.getTagName()).isEqualTo("bdi");
		assertThat(author.getDomProperty("textContent")).isEqualTo(name);
		WebElement text = message.findElement(By.cssSelector(".text"));
		assertThat(text.getDomAttribute("dir")).isEqualTo("auto");
		assertThat(text.getDomProperty("textContent")).isEqualTo("\u202Ereversed?");
		assertThat(message.findElement(By.cssSelector("time")).getText()).matches("\\d{2}:\\d{2}");
	}

	@Test
	void aRightToLeftNameIsIsolatedInTheUserListTheJoinLineAndTheTypingLine() {
		String name = "محمد 2"; // digits beside Arabic letters would otherwise move into the words around
		Browser alice = browser().joinChat("Alice", "general");
		Browser mohammed = browser().joinChat(name, "general");

		alice.waitUntil((d) -> !alice.findAll(".user-name bdi").isEmpty()
				&& alice.texts(".user-name bdi").contains(name));
		alice.waitUntil((d) -> !alice.findAll(".system-text bdi").isEmpty());
		WebElement isolatedName = alice.find(".system-text bdi");
		WebElement joinLine = isolatedName.findElement(By.xpath(".."));
		assertThat(isolatedName.getDomProperty("textContent")).isEqualTo(name);
		assertThat(joinLine.getDomProperty("textContent")).isEqualTo(name + " joined #general");

		mohammed.find("#message-input").sendKeys("سلام");

		alice.waitUntil((d) -> !alice.findAll("#typing bdi").isEmpty());
		assertThat(alice.find("#typing bdi").getDomProperty("textContent")).isEqualTo(name);
		assertThat(alice.find("#typing").getDomProperty("textContent")).isEqualTo(name + " is typing...");
	}

	@Test
	void userListsAndBadgesFollowJoinsAndClosedBrowsers() {
		Browser alice = browser().joinChat("Alice", "general");
		Browser bob = browser().joinChat("Bob", "general");

		alice.waitUntil((d) -> alice.texts(".user-name").equals(List.of("Alice", "Bob")));
		alice.waitUntil((d) -> badge(alice, "general").equals("2"));
		assertThat(alice.find("#room-count").getText()).isEqualTo("2 online");

		bob.close();
		this.browsers.remove(bob);

		alice.waitUntil((d) -> alice.texts(".user-name").equals(List.of("Alice")));
		alice.waitUntil((d) -> badge(alice, "general").equals("1"));
	}

	@Test
	void theLandingPageShowsLiveCountsAndRemembersTheName() {
		Browser visitor = browser().open("/");
		visitor.waitUntil((d) -> visitor.findAll(".room-choice").size() == 3);
		assertThat(visitor.texts(".room-choice .room-name")).containsExactly("General", "Tech", "Random");

		browser().joinChat("Alice", "tech");
		visitor.waitUntil((d) -> visitor.find(".room-choice:nth-child(2) .badge").getText().equals("1"));

		visitor.find("#username").sendKeys("A");
		visitor.find("button[type=submit]").click();
		assertThat(visitor.find("#form-error").getText()).isEqualTo("A name is 2 to 20 characters long.");
		assertThat(visitor.url()).doesNotContain("chat.html");

		visitor.find("#username").sendKeys("lex");
		visitor.find(".room-choice:nth-child(3)").click();
		visitor.find("button[type=submit]").click();
		visitor.waitUntil((d) -> visitor.url().contains("chat.html?username=Alex&room=random"));
		visitor.waitUntil((d) -> visitor.texts(".user-name").contains("Alex"));

		visitor.open("/");
		assertThat(visitor.find("#username").getDomProperty("value")).isEqualTo("Alex");
	}

	@Test
	void badLinksGoBackToTheStartAndRefusedNamesSayWhy() {
		Browser visitor = browser().open("/chat.html?username=x&room=general");
		visitor.waitUntil((d) -> visitor.url().endsWith("/index.html"));
		visitor.open("/chat.html?username=Alex&room=nowhere");
		visitor.waitUntil((d) -> visitor.url().endsWith("/index.html"));

		browser().joinChat("Alice", "general");
		visitor.open("/chat.html?username=alice&room=general");

		visitor.waitUntil((d) -> visitor.find("#fatal").isDisplayed());
		assertThat(visitor.find("#fatal-text").getText()).contains("already using that name");
		assertThat(visitor.find("#fatal a").getDomAttribute("href")).isEqualTo("index.html");
	}

	@Test
	void aDroppedConnectionReconnectsAndCatchesUpWithoutDuplicatesOrGaps() {
		Browser alice = browser().joinChat("Alice", "general");
		WebSocketSession aliceSession = this.sessions.only();
		Browser bob = browser().joinChat("Bob", "general");
		alice.say("before the drop");
		alice.waitUntil((d) -> alice.messages().size() >= 1);

		this.sessions.drop(aliceSession);
		new WebDriverWait(alice.driver(), Browser.TIMEOUT, Duration.ofMillis(20))
			.until((d) -> alice.find("#connection-banner").isDisplayed());
		assertThat(alice.find("#connection-banner").getText()).contains("Reconnecting");
		assertThat(alice.find("#send-button").isEnabled()).as("what is sent meanwhile waits in the outbox").isTrue();
		bob.say("while away 1");
		bob.say("while away 2");
		bob.say("while away 3");
		bob.waitUntil((d) -> bob.messages().contains("mine Bob: while away 3"));

		alice.waitUntil((d) -> alice.messages().contains("theirs Bob: while away 3"));
		alice.waitUntil((d) -> alice.find("#connection-banner").getDomAttribute("hidden") != null);
		alice.say("after the drop");
		bob.waitUntil((d) -> bob.messages().contains("theirs Alice: after the drop"));
		alice.waitUntil((d) -> alice.messages().contains("mine Alice: after the drop"));

		List<Long> ids = alice.messageIds();
		assertThat(ids).doesNotHaveDuplicates();
		assertThat(ids).containsExactlyElementsOf(LongStream.rangeClosed(ids.get(0), ids.get(ids.size() - 1)).boxed().toList());
		assertThat(alice.messages()).containsSubsequence("mine Alice: before the drop", "theirs Bob: while away 1",
				"theirs Bob: while away 2", "theirs Bob: while away 3", "mine Alice: after the drop");
		assertThat(alice.messageIds()).isEqualTo(bob.messageIds().subList(bob.messageIds().size() - ids.size(), bob.messageIds().size()));
	}

	@Test
	void onAPhoneTheSidebarsFoldAwayAndTheChatStaysUsable() throws Exception {
		Browser alice = browser();
		Browser phone = new Browser(this.port, 390, 844);
		this.browsers.add(phone);
		alice.joinChat("Alice", "general");
		phone.joinChat("Bob", "general");
		for (String text : List.of("Morning! Anyone tried the new build?", "Yes, deploy went fine ✓",
				"Great. The <b>tags</b> show up as text, right?")) {
			alice.say(text);
		}
		phone.say("Looks good on my phone");
		phone.waitUntil((d) -> phone.messages().size() >= 4);

		assertThat(phone.find(".rooms-panel").getRect().getX() + phone.find(".rooms-panel").getRect().getWidth())
			.isLessThanOrEqualTo(0);
		assertThat(phone.find("#messages").getRect().getWidth()).isGreaterThan(350);
		assertThat(phone.find("#toggle-rooms").isDisplayed()).isTrue();
		phone.screenshot("chat-mobile");

		phone.find("#toggle-users").click();
		phone.waitUntil((d) -> phone.find(".users-panel").getRect().getX() < 390 - 100);
		assertThat(phone.texts(".user-name")).contains("Alice", "Bob");
		phone.screenshot("chat-mobile-online-panel");
		new Actions(phone.driver()).moveToElement(phone.find("#scrim"), -170, 0).click().perform();
		phone.waitUntil((d) -> phone.find(".users-panel").getRect().getX() >= 390);
		phone.find("#toggle-rooms").click();
		phone.waitUntil((d) -> phone.find(".rooms-panel").getRect().getX() >= 0);
		new Actions(phone.driver()).sendKeys(Keys.ESCAPE).perform();
		phone.waitUntil((d) -> phone.find(".rooms-panel").getRect().getX() < 0);

		alice.screenshot("chat-desktop");
		browser().open("/").waitUntil((d) -> true);
		Browser landing = this.browsers.get(this.browsers.size() - 1);
		landing.waitUntil((d) -> landing.findAll(".room-choice").size() == 3);
		landing.screenshot("landing");
	}

	private static boolean isScrolledToBottom(Browser browser) {
		return (Boolean) browser.driver().executeScript(
				"const m = document.getElementById('messages'); return m.scrollHeight - m.scrollTop - m.clientHeight < 2;");
	}

	private static String badge(Browser browser, String room) {
		return browser.find("a[data-room='" + room + "'] .badge").getText();
	}

	/** Lets a test cut a browser's WebSocket from the server side, as a restart or a proxy would. */
	@TestConfiguration(proxyBeanMethods = false)
	static class DroppableConnections {

		@Bean
		OpenSessions openSessions() {
			return new OpenSessions();
		}

		@Bean
		WebSocketMessageBrokerConfigurer recordSessions(OpenSessions sessions) {
			return new WebSocketMessageBrokerConfigurer() {
				@Override
				public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
					registration.addDecoratorFactory((handler) -> sessions.recording(handler));
				}
			};
		}

	}

	static final class OpenSessions {

		private final List<WebSocketSession> sessions = new CopyOnWriteArrayList<>();

		WebSocketHandler recording(WebSocketHandler handler) {
			return new WebSocketHandlerDecorator(handler) {
				@Override
				public void afterConnectionEstablished(WebSocketSession session) throws Exception {
					OpenSessions.this.sessions.add(session);
					super.afterConnectionEstablished(session);
				}

				@Override
				public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
					OpenSessions.this.sessions.remove(session);
					super.afterConnectionClosed(session, status);
				}
			};
		}

		WebSocketSession only() {
			assertThat(this.sessions).hasSize(1);
			return this.sessions.get(0);
		}

		void drop(WebSocketSession session) {
			try {
				session.close(CloseStatus.GOING_AWAY);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		void clear() {
			this.sessions.clear();
		}

	}

}
