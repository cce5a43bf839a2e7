package io.livechat.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing typed is lost or doubled, in real headless Chromium against the whole application:
 * Alice's browser reaches the server through a {@link Relay} the test controls (the server
 * unreachable, the connection cut, or the replies lost), Bob's directly. Each message waits in
 * the page's outbox with a clock until the server acknowledges it, and is stored once.
 */
class OutboxBrowserIT extends BrowserTest {

	@Autowired
	DataSource dataSource;

	Relay relay;

	@BeforeEach
	void startRelay() {
		this.relay = new Relay(this.port);
	}

	@AfterEach
	void stopRelay() {
		this.relay.close();
	}

	/** Alice's browser, through the relay (its localStorage belongs to the relay's origin). */
	Browser relayed() {
		Browser browser = new Browser(this.relay.port(), 1280, 800);
		this.browsers.add(browser);
		return browser;
	}

	/** The texts Alice has stored in a room, in id order, that start with {@code prefix}. */
	List<String> stored(String room, String prefix) {
		return JdbcClient.create(this.dataSource)
			.sql("SELECT text FROM messages WHERE room = ? AND username = 'Alice' AND text LIKE ? ORDER BY id")
			.params(room, prefix + "%")
			.query(String.class)
			.list();
	}

	@Test
	void messagesWrittenWhileTheServerIsDownSurviveAReloadAndArriveOnceInOrder() {
		Browser bob = browser().joinChat("Bob", "general");
		Browser alice = relayed().joinChat("Alice", "general");

		this.relay.stop();
		alice.waitUntil((d) -> alice.find("#connection-banner").isDisplayed());
		alice.say("offline one");
		alice.say("offline two");
		alice.say("offline three");
		assertThat(alice.outgoing()).containsExactly("pending offline one", "pending offline two", "pending offline three");
		assertThat(alice.find("#send-button").isEnabled()).as("sending still works while disconnected").isTrue();

		alice.reload(); // the server is unreachable: the browser shows its own error page
		this.relay.start();
		alice.joinChat("Alice", "general");

		bob.waitUntil((d) -> bob.messages().contains("theirs Alice: offline three"));
		alice.waitUntil((d) -> alice.outgoing().isEmpty());
		assertThat(stored("general", "offline")).containsExactly("offline one", "offline two", "offline three");
		assertThat(bob.messages()).containsSubsequence("theirs Alice: offline one", "theirs Alice: offline two",
				"theirs Alice: offline three");
		assertThat(alice.messages()).containsSubsequence("mine Alice: offline one", "mine Alice: offline two",
				"mine Alice: offline three");
		assertThat(alice.messages().stream().filter((m) -> m.contains("offline"))).hasSize(3);
		assertThat(alice.ticked()).contains("offline one", "offline two", "offline three");
	}

	@Test
	void aDirectMessageWrittenWhileDisconnectedGoesOnceItIsBack() {
		Browser bob = browser().joinChat("Bob", "general");
		Browser alice = relayed().joinChat("Alice", "general");
		alice.openConversationFromOnlineList("Bob");

		this.relay.stop();
		alice.waitUntil((d) -> alice.find("#connection-banner").isDisplayed());
		alice.say("a private word, offline");
		assertThat(alice.outgoing()).containsExactly("pending a private word, offline");
		this.relay.start();

		alice.waitUntil((d) -> alice.outgoing().isEmpty() && alice.messages().contains("mine Alice: a private word, offline"));
		bob.openListedConversation("Alice");
		bob.waitUntil((d) -> bob.messages().contains("theirs Alice: a private word, offline"));
		assertThat(bob.messages()).containsOnlyOnce("theirs Alice: a private word, offline");
		assertThat(alice.ticked()).contains("a private word, offline");
	}

	@Test
	void aMessageWhoseRepliesWereLostIsSentAgainAfterTheCutAndStoredOnce() {
		Browser bob = browser().joinChat("Bob", "general");
		Browser alice = relayed().joinChat("Alice", "general");

		this.relay.muteReplies(true);
		alice.say("through the tunnel");
		bob.waitUntil((d) -> bob.messages().contains("theirs Alice: through the tunnel"));
		assertThat(alice.outgoing()).as("stored, but Alice heard nothing back").containsExactly("pending through the tunnel");

		this.relay.cut();
		this.relay.muteReplies(false);

		alice.waitUntil((d) -> alice.outgoing().isEmpty() && alice.messages().contains("mine Alice: through the tunnel"));
		assertThat(stored("general", "through the tunnel")).hasSize(1);
		assertThat(alice.messages().stream().filter((m) -> m.contains("through the tunnel"))).hasSize(1);
		assertThat(alice.ticked()).contains("through the tunnel");
		assertThat(bob.messages().stream().filter((m) -> m.contains("through the tunnel"))).hasSize(1);
	}

	@Test
	void twoTabsShareOneOutboxAndEachMessageIsStoredOnceInTheOrderWritten() {
		Browser bob = browser().joinChat("Bob", "random");
		Browser alice = relayed().joinChat("Alice", "random");
		String first = alice.currentTab();
		String second = alice.newTab();
		alice.joinChat("Alice", "random");

		this.relay.stop();
		alice.waitUntil((d) -> alice.find("#connection-banner").isDisplayed());
		alice.switchTo(first);
		alice.waitUntil((d) -> alice.find("#connection-banner").isDisplayed());
		alice.say("tabs first");
		alice.say("tabs second");
		alice.switchTo(second);
		alice.say("tabs third");
		alice.waitUntil((d) -> alice.outgoing().size() == 3);
		assertThat(alice.outgoing()).as("the other tab's messages wait here too")
			.containsExactly("pending tabs first", "pending tabs second", "pending tabs third");

		this.relay.start();

		bob.waitUntil((d) -> bob.messages().contains("theirs Alice: tabs third"));
		alice.waitUntil((d) -> alice.outgoing().isEmpty());
		assertThat(stored("random", "tabs")).containsExactly("tabs first", "tabs second", "tabs third");
		for (String tab : List.of(first, second)) {
			alice.switchTo(tab);
			alice.waitUntil((d) -> alice.outgoing().isEmpty());
			assertThat(alice.messages().stream().filter((m) -> m.startsWith("mine Alice: tabs")))
				.containsExactly("mine Alice: tabs first", "mine Alice: tabs second", "mine Alice: tabs third");
		}
		assertThat(bob.messages().stream().filter((m) -> m.contains("tabs")))
			.containsExactly("theirs Alice: tabs first", "theirs Alice: tabs second", "theirs Alice: tabs third");
	}

	@Test
	void aMessageRefusedForGoodSaysWhyAndCanBeRetriedOrDeleted() {
		Browser alice = relayed().joinChat("Alice", "general");
		String tooLong = "x".repeat(1001); // the input stops typing at 1000; a script can go past it
		alice.driver().executeScript("""
				document.getElementById('message-input').value = arguments[0];
				document.getElementById('composer').requestSubmit();
				""", tooLong);

		alice.waitUntil((d) -> !alice.outgoing().isEmpty() && alice.outgoing().get(0).startsWith("failed"));
		assertThat(alice.outgoing()).singleElement().asString().endsWith("Not sent. That message is too long (1000 characters at most).");
		alice.find("#messages .outgoing button[data-action=retry]").click();
		alice.waitUntil((d) -> alice.outgoing().size() == 1 && alice.outgoing().get(0).startsWith("failed"));
		alice.say("still here");
		alice.waitUntil((d) -> alice.messages().contains("mine Alice: still here"));
		assertThat(alice.outgoing()).as("a failed message stays below until dealt with").hasSize(1);

		alice.find("#messages .outgoing button[data-action=delete]").click();
		alice.waitUntil((d) -> alice.outgoing().isEmpty());
		alice.reload();
		alice.joinChat("Alice", "general");
		assertThat(alice.outgoing()).as("deleted for good").isEmpty();
		assertThat(stored("general", "xxx")).isEmpty();
	}

	@Test
	void whatWasTypedAndNotSentIsKeptPerRoomAcrossSwitchesAndReloads() {
		Browser alice = relayed().joinChat("Alice", "general");
		alice.find("#message-input").sendKeys("half a thought");
		alice.find("#room-list .room-button:not(.active)").click();
		alice.waitUntil((d) -> !alice.url().contains("room=general"));
		assertThat(alice.find("#message-input").getDomProperty("value")).isEmpty();
		alice.find("#message-input").sendKeys("another room, another draft");

		alice.reload();
		alice.waitUntil((d) -> "another room, another draft".equals(alice.find("#message-input").getDomProperty("value")));
		alice.open("/chat.html?username=Alice&room=general");
		alice.waitUntil((d) -> "half a thought".equals(alice.find("#message-input").getDomProperty("value")));
		alice.say(" finished");
		alice.waitUntil((d) -> alice.messages().contains("mine Alice: half a thought finished"));
		alice.reload();
		alice.joinChat("Alice", "general");
		assertThat(alice.find("#message-input").getDomProperty("value")).as("a sent draft is gone").isEmpty();
	}

	/**
	 * Two hundred messages typed one after another while the connection is cut at random
	 * moments (seeded, so a failure can be replayed) end as exactly two hundred stored messages,
	 * in the order they were typed, with the rate limits' waits honoured on the way.
	 */
	@Test
	void twoHundredMessagesThroughRandomCutsAreStoredExactlyOnceInOrder() throws InterruptedException {
		Browser alice = relayed().joinChat("Alice", "tech");
		Random random = new Random(18);
		List<Integer> cuts = new ArrayList<>(IntStream.range(1, 200).boxed().toList());
		Collections.shuffle(cuts, random);
		List<Integer> cutAfter = cuts.subList(0, 8); // a join per cut: within the join rate's burst

		for (int i = 0; i < 200; i++) {
			alice.driver().executeScript("""
					const input = document.getElementById('message-input');
					input.value = arguments[0];
					document.getElementById('composer').requestSubmit();
					""", "fault %03d".formatted(i));
			if (cutAfter.contains(i)) {
				Thread.sleep(random.nextInt(300));
				this.relay.cut();
			}
		}

		new WebDriverWait(alice.driver(), Duration.ofSeconds(120), Duration.ofMillis(500))
			.until((d) -> stored("tech", "fault").size() >= 200 && alice.outgoing().isEmpty());
		assertThat(stored("tech", "fault"))
			.containsExactlyElementsOf(IntStream.range(0, 200).mapToObj("fault %03d"::formatted).toList());
	}

}
