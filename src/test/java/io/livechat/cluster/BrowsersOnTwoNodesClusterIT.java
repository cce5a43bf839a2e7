package io.livechat.cluster;

import java.util.List;

import io.livechat.web.Browser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web client, unchanged, in real headless Chromium: two people whose pages are served by two
 * different nodes chat as in one room. (Needs Chromium, as the browser tests do: CI runs both.)
 */
class BrowsersOnTwoNodesClusterIT {

	@Test
	void twoPeopleOnTwoNodesSeeEachOtherAndEachOthersMessages() throws Exception {
		try (Cluster cluster = Cluster.start("a", "b");
				Browser alice = new Browser(cluster.node("a").port(), 1280, 800);
				Browser bob = new Browser(cluster.node("b").port(), 1280, 800)) {
			alice.joinChat("Alice", "general");
			bob.joinChat("Bob", "general");

			alice.say("Hi Bob, from node A");
			bob.waitUntil((d) -> bob.messages().contains("theirs Alice: Hi Bob, from node A"));
			bob.say("Hello Alice, from node B");
			alice.waitUntil((d) -> alice.messages().contains("theirs Bob: Hello Alice, from node B"));

			assertThat(alice.messages()).as("Alice's page, served by node A")
				.containsExactly("mine Alice: Hi Bob, from node A", "theirs Bob: Hello Alice, from node B");
			assertThat(bob.messages()).as("Bob's page, served by node B")
				.containsExactly("theirs Alice: Hi Bob, from node A", "mine Bob: Hello Alice, from node B");
			assertThat(alice.messageIds()).as("the ids on both pages").isEqualTo(bob.messageIds()).containsExactly(1L, 2L);
			for (Browser page : List.of(alice, bob)) {
				page.waitUntil((d) -> page.texts("#user-list .user-name").containsAll(List.of("Alice", "Bob")));
			}
		}
	}

}
