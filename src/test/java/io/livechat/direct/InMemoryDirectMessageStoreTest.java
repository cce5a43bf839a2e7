package io.livechat.direct;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.livechat.chat.ChatException;
import io.livechat.direct.DirectMessageStore.Page;
import io.livechat.direct.DirectMessageStore.Summary;
import io.livechat.people.Person;
import io.livechat.people.PublicIds;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store of {@code livechat.store=memory}: the same promises as the JDBC store's (held in
 * {@code DirectMessageStoreContract}) where a user would notice a difference.
 */
class InMemoryDirectMessageStoreTest {

	private static final PublicIds IDS = new PublicIds("a secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8));

	private static final Person ALEX = new Person(IDS.of("alex-client"), "Alex");

	private static final Person SAM = new Person(IDS.of("sam-client"), "Sam");

	private static final Person KIM = new Person(IDS.of("kim-client"), "Kim");

	private static final Person LEE = new Person(IDS.of("lee-client"), "Lee");

	private static final Conversation ALEX_SAM = Conversation.between(ALEX.id(), SAM.id());

	private final InMemoryDirectMessageStore store = new InMemoryDirectMessageStore();

	@Nested
	class Numbering {

		@Test
		void eachConversationCountsFromOneWithNoGapsWhoeverWrites() {
			assertThat(send(ALEX, SAM, "1", 1, false).id()).isEqualTo(1);
			assertThat(send(SAM, ALEX, "2", 2, false).id()).isEqualTo(2);
			assertThat(send(KIM, ALEX, "1", 3, false).id()).isEqualTo(1);
			assertThat(send(ALEX, SAM, "3", 4, false).id()).isEqualTo(3);
		}

		@Test
		void keepsEachConversationsNewestMessagesOnlyAndIdsGoOn() {
			for (int i = 1; i <= InMemoryDirectMessageStore.KEPT + 10; i++) {
				send(ALEX, SAM, "m" + i, i, false);
			}

			Page oldest = InMemoryDirectMessageStoreTest.this.store.page(ALEX_SAM, SAM.id(), 20L, null, 50);
			assertThat(oldest.messages()).extracting(DirectMessage::id).startsWith(11L).endsWith(19L);
			assertThat(oldest.hasMore()).isFalse();
			assertThat(send(SAM, ALEX, "next", 1_000, false).id()).isEqualTo(InMemoryDirectMessageStore.KEPT + 11);
		}

	}

	@Nested
	class Reading {

		@Test
		void sendingReadsUpToOnesOwnMessageAndAReadPositionOnlyMovesForwardUpToTheLastId() {
			send(SAM, ALEX, "1", 1, false);
			send(SAM, ALEX, "2", 2, false);
			send(ALEX, SAM, "3", 3, false);
			send(SAM, ALEX, "4", 4, false);
			assertThat(summary(ALEX).lastReadId()).isEqualTo(3);
			assertThat(summary(ALEX).unread()).isEqualTo(1);

			InMemoryDirectMessageStoreTest.this.store.markRead(SAM.id(), ALEX_SAM, 99);
			InMemoryDirectMessageStoreTest.this.store.markRead(SAM.id(), ALEX_SAM, 1);

			assertThat(summary(SAM).lastReadId()).isEqualTo(4);
			assertThat(summary(SAM).unread()).isZero();
		}

	}

	@Nested
	class HiddenMessages {

		@Test
		void aHiddenMessageNeverShowsToItsRecipientButDoesToItsSender() {
			send(ALEX, SAM, "visible", 1, false);
			send(ALEX, SAM, "hidden", 2, true);

			assertThat(summary(SAM).last().text()).isEqualTo("visible");
			assertThat(summary(SAM).unread()).isEqualTo(1);
			assertThat(page(SAM, null, null, 50).messages()).extracting(DirectMessage::text).containsExactly("visible");
			assertThat(summary(ALEX).last().text()).isEqualTo("hidden");
			assertThat(page(ALEX, null, null, 50).messages()).extracting(DirectMessage::text)
				.containsExactly("visible", "hidden");
		}

	}

	@Nested
	class Pages {

		@Test
		void eachKindOfPageSaysExactlyWhetherThereIsMore() {
			for (int i = 1; i <= 7; i++) {
				send(ALEX, SAM, "m" + i, i, false);
			}

			assertThat(page(SAM, null, null, 3)).satisfies((page) -> {
				assertThat(page.messages()).extracting(DirectMessage::id).containsExactly(5L, 6L, 7L);
				assertThat(page.hasMore()).isTrue();
			});
			assertThat(page(SAM, null, null, 7).hasMore()).isFalse();
			assertThat(page(SAM, 5L, null, 3).hasMore()).isTrue();
			assertThat(page(SAM, 5L, null, 4).hasMore()).isFalse();
			assertThat(page(SAM, null, 3L, 3)).satisfies((page) -> {
				assertThat(page.messages()).extracting(DirectMessage::id).containsExactly(4L, 5L, 6L);
				assertThat(page.hasMore()).isTrue();
			});
			assertThat(page(SAM, null, 4L, 3).hasMore()).isFalse();
		}

	}

	@Nested
	class Lists {

		@Test
		void conversationsComeNewestFirstUpToTheLimitWithoutThoseWithPeopleOneBlocks() {
			send(ALEX, SAM, "to Sam", 10, false);
			send(KIM, ALEX, "from Kim", 30, false);
			send(ALEX, LEE, "to Lee", 20, false);

			assertThat(InMemoryDirectMessageStoreTest.this.store.conversationsOf(ALEX.id(), 10)).extracting(Summary::peer)
				.containsExactly(KIM.id(), LEE.id(), SAM.id());
			assertThat(InMemoryDirectMessageStoreTest.this.store.conversationsOf(ALEX.id(), 2)).extracting(Summary::peer)
				.containsExactly(KIM.id(), LEE.id());

			InMemoryDirectMessageStoreTest.this.store.block(ALEX.id(), KIM.id(), true);
			assertThat(InMemoryDirectMessageStoreTest.this.store.conversationsOf(ALEX.id(), 10)).extracting(Summary::peer)
				.containsExactly(LEE.id(), SAM.id());
			assertThat(InMemoryDirectMessageStoreTest.this.store.conversationsOf(KIM.id(), 10)).extracting(Summary::peer)
				.containsExactly(ALEX.id());
		}

	}

	private DirectMessage send(Person from, Person to, String text, long timestamp, boolean hidden) {
		List<DirectMessage> stored = new ArrayList<>();
		this.store.append(Conversation.between(from.id(), to.id()), from, to, text, timestamp, hidden,
				new DirectMessageStore.Stored() {
					@Override
					public void stored(DirectMessage message) {
						stored.add(message);
					}

					@Override
					public void failed(ChatException reason) {
						throw new AssertionError(reason);
					}
				});
		assertThat(stored).as("reported before append returns").hasSize(1);
		return stored.get(0);
	}

	private Summary summary(Person person) {
		return this.store.conversation(person.id(), ALEX_SAM);
	}

	private Page page(Person viewer, Long before, Long since, int limit) {
		return this.store.page(ALEX_SAM, viewer.id(), before, since, limit);
	}

}
