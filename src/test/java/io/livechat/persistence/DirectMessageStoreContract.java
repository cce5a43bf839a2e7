package io.livechat.persistence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.LongStream;

import io.livechat.chat.ChatException;
import io.livechat.chat.ErrorCode;
import io.livechat.direct.Conversation;
import io.livechat.direct.DirectMessage;
import io.livechat.direct.DirectMessageStore.Kept;
import io.livechat.direct.DirectMessageStore.Page;
import io.livechat.direct.DirectMessageStore.Stored;
import io.livechat.direct.DirectMessageStore.Summary;
import io.livechat.people.Person;
import io.livechat.people.PublicIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the JDBC direct message store promises, held against each database it runs on.
 */
abstract class DirectMessageStoreContract {

	private static final PublicIds IDS = new PublicIds("a secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8));

	static final Person ALEX = new Person(IDS.of("alex-client"), "Alex");

	static final Person SAM = new Person(IDS.of("sam-client"), "Sam");

	static final Person KIM = new Person(IDS.of("kim-client"), "Kim");

	static final Person LEE = new Person(IDS.of("lee-client"), "Lee");

	static final Conversation ALEX_SAM = between(ALEX, SAM);

	static final Conversation ALEX_KIM = between(ALEX, KIM);

	static final Conversation ALEX_LEE = between(ALEX, LEE);

	TestDatabase database;

	JdbcDirectMessageStore store;

	abstract TestDatabase database() throws Exception;

	@BeforeEach
	void openStore() throws Exception {
		this.database = database();
		this.store = new JdbcDirectMessageStore(this.database.dataSource());
	}

	@AfterEach
	void dropDatabase() throws Exception {
		this.store.close();
		this.database.close();
	}

	@Nested
	class Numbering {

		@Test
		void eachConversationCountsFromOneWithNoGapsWhoeverWrites() {
			assertThat(send(ALEX, SAM, "hi Sam", 1).id()).isEqualTo(1);
			assertThat(send(SAM, ALEX, "hi Alex", 2).id()).isEqualTo(2);
			assertThat(send(KIM, ALEX, "hello", 3).id()).isEqualTo(1);
			assertThat(send(ALEX, SAM, "how are you?", 4).id()).isEqualTo(3);

			assertThat(storedIds(ALEX_SAM)).containsExactly(1L, 2L, 3L);
			assertThat(storedIds(ALEX_KIM)).containsExactly(1L);
		}

		@Test
		void concurrentSendersIntoSeveralConversationsGetEveryIdOnceInOrder() throws Exception {
			int senders = 8;
			int each = 50;
			List<Conversation> conversations = List.of(ALEX_SAM, ALEX_KIM, ALEX_LEE);
			List<Person> others = List.of(SAM, KIM, LEE);
			Map<String, List<Long>> reported = new HashMap<>();
			conversations.forEach((conversation) -> reported.put(conversation.id(), Collections.synchronizedList(new ArrayList<>())));
			CountDownLatch done = new CountDownLatch(senders * each);
			List<ChatException> failures = Collections.synchronizedList(new ArrayList<>());
			List<Thread> threads = new ArrayList<>();
			for (int t = 0; t < senders; t++) {
				int thread = t;
				threads.add(new Thread(() -> {
					for (int i = 0; i < each; i++) {
						int c = (thread + i) % 3;
						boolean alexWrites = (i % 2 == 0);
						Person from = alexWrites ? ALEX : others.get(c);
						Person to = alexWrites ? others.get(c) : ALEX;
						DirectMessageStoreContract.this.store.append(conversations.get(c), from, to, "m", i, false,
								new Stored() {
									@Override
									public void stored(DirectMessage message) {
										reported.get(message.conversation()).add(message.id());
										done.countDown();
									}

									@Override
									public void failed(ChatException reason) {
										failures.add(reason);
										done.countDown();
									}
								});
					}
				}));
			}
			threads.forEach(Thread::start);

			assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
			assertThat(failures).isEmpty();
			int total = 0;
			for (Conversation conversation : conversations) {
				List<Long> ids = reported.get(conversation.id());
				total += ids.size();
				assertThat(ids).as(conversation.id())
					.containsExactlyElementsOf(LongStream.rangeClosed(1, ids.size()).boxed().toList());
				assertThat(storedIds(conversation)).containsExactlyElementsOf(ids);
			}
			assertThat(total).isEqualTo(senders * each);
		}

		@Test
		void aNewStoreOnTheSameDatabaseContinuesEachSequenceAndKnowsWhereEveryoneRead() throws Exception {
			send(ALEX, SAM, "one", 1);
			send(ALEX, SAM, "two", 2);
			send(SAM, ALEX, "three", 3);
			DirectMessageStoreContract.this.store.markRead(SAM.id(), ALEX_SAM, 2);

			try (JdbcDirectMessageStore restarted = new JdbcDirectMessageStore(DirectMessageStoreContract.this.database.dataSource())) {
				assertThat(send(restarted, ALEX, SAM, "four", 4, false).id()).isEqualTo(4);
				assertThat(restarted.conversation(SAM.id(), ALEX_SAM).lastReadId()).isEqualTo(3);
				assertThat(restarted.conversation(ALEX.id(), ALEX_SAM).lastReadId()).isEqualTo(4);
				assertThat(restarted.page(ALEX_SAM, ALEX.id(), null, null, 50).messages()).extracting(DirectMessage::text)
					.containsExactly("one", "two", "three", "four");
			}
		}

		@Test
		void keepsEveryFieldAsGiven() throws Exception {
			String text = "Zoë says <b>hi</b> 😀 \"quoted\" 'single' \\ back";
			send(new Person(ALEX.id(), "Zoë"), SAM, text, 1_732_900_000_123L);

			try (JdbcDirectMessageStore restarted = new JdbcDirectMessageStore(DirectMessageStoreContract.this.database.dataSource())) {
				assertThat(restarted.page(ALEX_SAM, SAM.id(), null, null, 50).messages()).containsExactly(
						new DirectMessage(1, ALEX_SAM.id(), new Person(ALEX.id(), "Zoë"), SAM, text, 1_732_900_000_123L));
			}
		}

	}

	@Nested
	class Commits {

		@Test
		void aMessageIsReportedOnlyOnceAnotherStoreOnTheDatabaseCanReadIt() throws Exception {
			try (JdbcDirectMessageStore other = new JdbcDirectMessageStore(DirectMessageStoreContract.this.database.dataSource())) {
				int count = 30;
				List<Boolean> seenByOther = Collections.synchronizedList(new ArrayList<>());
				CountDownLatch done = new CountDownLatch(count);
				for (int i = 0; i < count; i++) {
					DirectMessageStoreContract.this.store.append(ALEX_SAM, ALEX, SAM, "m" + i, i, false, new Stored() {
						@Override
						public void stored(DirectMessage message) {
							seenByOther.add(other.page(ALEX_SAM, SAM.id(), null, message.id() - 1, 1)
								.messages()
								.stream()
								.anyMatch((seen) -> seen.id() == message.id()));
							done.countDown();
						}

						@Override
						public void failed(ChatException reason) {
							done.countDown();
						}
					});
				}

				assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
				assertThat(seenByOther).hasSize(count).containsOnly(true);
			}
		}

		@Test
		void whenTheDatabaseFailsEveryWaitingSenderIsToldUnavailableAndNoIdIsTaken() throws Exception {
			CountDownLatch writerHeld = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			DirectMessageStoreContract.this.store.append(ALEX_SAM, ALEX, SAM, "first", 1, false, new Stored() {
				@Override
				public void stored(DirectMessage message) { // holds the writer, so that the next ones wait
					writerHeld.countDown();
					await(release);
				}

				@Override
				public void failed(ChatException reason) {
				}
			});
			assertThat(writerHeld.await(10, TimeUnit.SECONDS)).isTrue();
			List<Outcome> waiting = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				waiting.add(append(DirectMessageStoreContract.this.store, SAM, ALEX, "lost " + i, 2, false));
				waiting.add(append(DirectMessageStoreContract.this.store, ALEX, KIM, "lost too " + i, 2, false));
			}

			DirectMessageStoreContract.this.database.goDown();
			release.countDown();

			for (Outcome outcome : waiting) {
				assertThat(outcome.failure().code()).isEqualTo(ErrorCode.UNAVAILABLE);
			}
			DirectMessageStoreContract.this.database.comeBack();
			assertThat(DirectMessageStoreContract.this.store.exists(ALEX_KIM)).as("a first message that failed starts nothing")
				.isFalse();
			assertThat(send(ALEX, SAM, "back", 3).id()).isEqualTo(2);
			assertThat(send(KIM, ALEX, "back too", 3).id()).isEqualTo(1);
			assertThat(storedIds(ALEX_SAM)).containsExactly(1L, 2L);
			assertThat(DirectMessageStoreContract.this.store.page(ALEX_SAM, SAM.id(), null, null, 50).messages())
				.extracting(DirectMessage::text)
				.containsExactly("first", "back");
		}

		@Test
		void aSenderWhileTheDatabaseIsDownIsToldUnavailableAndItRecovers() {
			send(ALEX, SAM, "before", 1);
			DirectMessageStoreContract.this.database.goDown();

			assertThat(append(DirectMessageStoreContract.this.store, ALEX, SAM, "during", 2, false).failure().code())
				.isEqualTo(ErrorCode.UNAVAILABLE);

			DirectMessageStoreContract.this.database.comeBack();
			assertThat(send(SAM, ALEX, "after", 3).id()).isEqualTo(2);
		}

	}

	@Nested
	class Reading {

		@Test
		void sendingMovesTheSendersReadPositionToTheirOwnMessageOnly() {
			send(SAM, ALEX, "hi", 1);
			send(ALEX, SAM, "hi back", 2);

			Summary alex = summary(ALEX, ALEX_SAM);
			Summary sam = summary(SAM, ALEX_SAM);
			assertThat(alex.lastReadId()).isEqualTo(2);
			assertThat(alex.unread()).isZero();
			assertThat(sam.lastReadId()).isEqualTo(1);
			assertThat(sam.unread()).isEqualTo(1);
		}

		@Test
		void aReadPositionOnlyMovesForwardAndSaysWhetherItMoved() {
			sendMany(SAM, ALEX, 5);

			assertThat(DirectMessageStoreContract.this.store.markRead(ALEX.id(), ALEX_SAM, 4)).isTrue();
			assertThat(DirectMessageStoreContract.this.store.markRead(ALEX.id(), ALEX_SAM, 2)).isFalse();
			assertThat(DirectMessageStoreContract.this.store.markRead(ALEX.id(), ALEX_SAM, 4)).isFalse();

			assertThat(summary(ALEX, ALEX_SAM).lastReadId()).isEqualTo(4);
			assertThat(summary(ALEX, ALEX_SAM).unread()).isEqualTo(1);
		}

		@Test
		void eachPersonsSummaryHoldsHowFarTheOtherHasRead() {
			sendMany(SAM, ALEX, 5);
			DirectMessageStoreContract.this.store.markRead(ALEX.id(), ALEX_SAM, 3);

			assertThat(summary(SAM, ALEX_SAM).peerLastReadId()).isEqualTo(3);
			assertThat(summary(ALEX, ALEX_SAM).peerLastReadId()).as("the sender has read what they sent").isEqualTo(5);
		}

		@Test
		void aReadPositionNeverPassesTheLastId() {
			sendMany(SAM, ALEX, 3);

			assertThat(DirectMessageStoreContract.this.store.markRead(ALEX.id(), ALEX_SAM, 99)).isTrue();
			assertThat(DirectMessageStoreContract.this.store.markRead(ALEX.id(), ALEX_SAM, 99)).as("already at the last")
				.isFalse();
			assertThat(summary(ALEX, ALEX_SAM).lastReadId()).isEqualTo(3);

			send(SAM, ALEX, "new", 10);
			assertThat(summary(ALEX, ALEX_SAM).unread()).as("a message after the read position is unread").isEqualTo(1);
		}

		@Test
		void unreadCountsOnlyTheOtherPersonsMessagesAboveTheReadPosition() {
			send(SAM, ALEX, "1", 1);
			send(SAM, ALEX, "2", 2);
			DirectMessageStoreContract.this.store.markRead(ALEX.id(), ALEX_SAM, 1);
			send(SAM, ALEX, "3", 3);

			assertThat(summary(ALEX, ALEX_SAM).unread()).isEqualTo(2);
			assertThat(summary(SAM, ALEX_SAM).unread()).isZero();
		}

	}

	@Nested
	class HiddenMessages {

		@Test
		void aHiddenMessageNeverShowsToItsRecipientButDoesToItsSender() {
			send(ALEX, SAM, "visible", 1);
			DirectMessageStoreContract.this.store.block(SAM.id(), ALEX.id(), true);
			send(ALEX, SAM, "hidden", 2, true);
			DirectMessageStoreContract.this.store.block(SAM.id(), ALEX.id(), false);

			Summary sam = summary(SAM, ALEX_SAM);
			assertThat(sam.last().text()).isEqualTo("visible");
			assertThat(sam.unread()).isEqualTo(1);
			assertThat(DirectMessageStoreContract.this.store.conversationsOf(SAM.id(), 10)).singleElement()
				.satisfies((summary) -> assertThat(summary.last().text()).isEqualTo("visible"));
			assertThat(DirectMessageStoreContract.this.store.page(ALEX_SAM, SAM.id(), null, null, 50).messages())
				.extracting(DirectMessage::text)
				.containsExactly("visible");
			assertThat(DirectMessageStoreContract.this.store.page(ALEX_SAM, SAM.id(), null, 1L, 50).messages()).isEmpty();

			assertThat(summary(ALEX, ALEX_SAM).last().text()).isEqualTo("hidden");
			assertThat(DirectMessageStoreContract.this.store.page(ALEX_SAM, ALEX.id(), null, null, 50).messages())
				.extracting(DirectMessage::text)
				.containsExactly("visible", "hidden");
		}

		@Test
		void aRecipientsPagesSkipHiddenMessagesAndSayExactlyWhetherThereIsMore() {
			for (int i = 1; i <= 6; i++) { // 2 and 4 hidden from Sam
				send(ALEX, SAM, "m" + i, i, i == 2 || i == 4);
			}

			assertThat(ids(page(SAM, null, null, 3))).containsExactly(3L, 5L, 6L);
			assertThat(page(SAM, null, null, 3).hasMore()).isTrue();
			assertThat(ids(page(SAM, null, null, 4))).containsExactly(1L, 3L, 5L, 6L);
			assertThat(page(SAM, null, null, 4).hasMore()).isFalse();
			assertThat(ids(page(SAM, null, 1L, 2))).containsExactly(3L, 5L);
			assertThat(page(SAM, null, 1L, 2).hasMore()).isTrue();
			assertThat(page(SAM, null, 3L, 2).hasMore()).isFalse();
			assertThat(ids(page(ALEX, null, null, 6))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
		}

	}

	@Nested
	class Pages {

		@BeforeEach
		void sevenMessages() {
			sendMany(ALEX, SAM, 7);
		}

		@Test
		void theNewestPageHasMoreExactlyWhenOlderMessagesExist() {
			assertThat(ids(page(SAM, null, null, 3))).containsExactly(5L, 6L, 7L);
			assertThat(page(SAM, null, null, 3).hasMore()).isTrue();
			assertThat(ids(page(SAM, null, null, 7))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
			assertThat(page(SAM, null, null, 7).hasMore()).isFalse();
		}

		@Test
		void aPageBeforeAnIdHasTheNewestBelowItAndMoreExactlyWhenOlderOnesExist() {
			assertThat(ids(page(SAM, 5L, null, 3))).containsExactly(2L, 3L, 4L);
			assertThat(page(SAM, 5L, null, 3).hasMore()).isTrue();
			assertThat(ids(page(SAM, 5L, null, 4))).containsExactly(1L, 2L, 3L, 4L);
			assertThat(page(SAM, 5L, null, 4).hasMore()).isFalse();
			assertThat(page(SAM, 1L, null, 50)).isEqualTo(new Page(List.of(), false));
		}

		@Test
		void aPageSinceAnIdHasTheFirstAfterItAndMoreExactlyWhenNewerOnesExist() {
			assertThat(ids(page(SAM, null, 3L, 3))).containsExactly(4L, 5L, 6L);
			assertThat(page(SAM, null, 3L, 3).hasMore()).isTrue();
			assertThat(ids(page(SAM, null, 4L, 3))).containsExactly(5L, 6L, 7L);
			assertThat(page(SAM, null, 4L, 3).hasMore()).isFalse();
			assertThat(ids(page(SAM, null, 0L, 7))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
			assertThat(page(SAM, null, 7L, 50)).isEqualTo(new Page(List.of(), false));
		}

		@Test
		void aConversationWithNoMessageHasAnEmptyPage() {
			assertThat(DirectMessageStoreContract.this.store.page(ALEX_KIM, KIM.id(), null, null, 50))
				.isEqualTo(new Page(List.of(), false));
		}

	}

	@Nested
	class Lists {

		@Test
		void aPersonsConversationsComeNewestFirstUpToTheLimit() {
			send(ALEX, SAM, "to Sam", 10);
			send(KIM, ALEX, "from Kim", 30);
			send(ALEX, LEE, "to Lee", 20);

			assertThat(DirectMessageStoreContract.this.store.conversationsOf(ALEX.id(), 10)).extracting(Summary::peer)
				.containsExactly(KIM.id(), LEE.id(), SAM.id());
			assertThat(DirectMessageStoreContract.this.store.conversationsOf(ALEX.id(), 2)).extracting(Summary::peer)
				.containsExactly(KIM.id(), LEE.id());
			assertThat(DirectMessageStoreContract.this.store.conversationsOf(SAM.id(), 10)).singleElement()
				.satisfies((summary) -> {
					assertThat(summary.conversation()).isEqualTo(ALEX_SAM);
					assertThat(summary.peer()).isEqualTo(ALEX.id());
					assertThat(summary.lastId()).isEqualTo(1);
					assertThat(summary.unread()).isEqualTo(1);
					assertThat(summary.last().text()).isEqualTo("to Sam");
				});
		}

		@Test
		void aConversationWithSomeoneOneBlocksLeavesTheListUntilTheUnblock() {
			send(ALEX, SAM, "to Sam", 10);
			send(KIM, ALEX, "from Kim", 30);

			DirectMessageStoreContract.this.store.block(ALEX.id(), KIM.id(), true);
			DirectMessageStoreContract.this.store.block(ALEX.id(), KIM.id(), true); // a second tab, the same

			assertThat(DirectMessageStoreContract.this.store.blocks(ALEX.id(), KIM.id())).isTrue();
			assertThat(DirectMessageStoreContract.this.store.blocks(KIM.id(), ALEX.id())).isFalse();
			assertThat(DirectMessageStoreContract.this.store.conversationsOf(ALEX.id(), 10)).extracting(Summary::peer)
				.containsExactly(SAM.id());
			assertThat(DirectMessageStoreContract.this.store.conversationsOf(KIM.id(), 10)).extracting(Summary::peer)
				.as("the blocked one sees nothing different")
				.containsExactly(ALEX.id());
			assertThat(summary(ALEX, ALEX_KIM).blocked()).isTrue();

			DirectMessageStoreContract.this.store.block(ALEX.id(), KIM.id(), false);
			assertThat(DirectMessageStoreContract.this.store.blocks(ALEX.id(), KIM.id())).isFalse();
			assertThat(DirectMessageStoreContract.this.store.conversationsOf(ALEX.id(), 10)).extracting(Summary::peer)
				.containsExactly(KIM.id(), SAM.id());
		}

		@Test
		void aConversationExistsFromItsFirstMessageAndNamesBothAsPeers() {
			assertThat(DirectMessageStoreContract.this.store.exists(ALEX_SAM)).isFalse();
			assertThat(DirectMessageStoreContract.this.store.conversation(ALEX.id(), ALEX_SAM)).isNull();

			send(ALEX, SAM, "hi", 1);
			send(KIM, ALEX, "hi", 2);

			assertThat(DirectMessageStoreContract.this.store.exists(ALEX_SAM)).isTrue();
			assertThat(DirectMessageStoreContract.this.store.exists(between(SAM, KIM))).isFalse();
			assertThat(DirectMessageStoreContract.this.store.peersOf(ALEX.id())).containsExactlyInAnyOrder(SAM.id(), KIM.id());
			assertThat(DirectMessageStoreContract.this.store.peersOf(SAM.id())).containsExactly(ALEX.id());
			assertThat(DirectMessageStoreContract.this.store.peersOf(LEE.id())).isEmpty();
		}

	}

	@Nested
	class Pruning {

		@Test
		void deletesOnlyMessagesOlderThanTheCutoffAndIdsGoOnFromTheLast() {
			send(ALEX, SAM, "old", 100);
			send(SAM, ALEX, "old too", 200);
			send(ALEX, SAM, "recent", 300);
			send(ALEX, KIM, "old elsewhere", 100);

			assertThat(DirectMessageStoreContract.this.store.deleteOlderThan(250)).isEqualTo(3);

			assertThat(ids(page(SAM, null, null, 50))).containsExactly(3L);
			assertThat(send(SAM, ALEX, "next", 400).id()).isEqualTo(4);
		}

	}

	@Nested
	class ClusterCatchUp {

		@Test
		void aRangeHasTheMessagesAfterAnIdWithWhetherEachIsHidden() {
			send(ALEX, SAM, "1", 1);
			send(ALEX, SAM, "2", 2, true);
			send(SAM, ALEX, "3", 3);
			send(ALEX, SAM, "4", 4);

			List<Kept> range = DirectMessageStoreContract.this.store.range(ALEX_SAM.id(), 1, 2);

			assertThat(range).extracting((kept) -> kept.message().id()).containsExactly(2L, 3L);
			assertThat(range).extracting(Kept::hidden).containsExactly(true, false);
			assertThat(range.get(1).message()).isEqualTo(new DirectMessage(3, ALEX_SAM.id(), SAM, ALEX, "3", 3));
			assertThat(DirectMessageStoreContract.this.store.range(ALEX_SAM.id(), 4, 10)).isEmpty();
		}

		@Test
		void lastIdsSinceNameTheConversationsWrittenToFromThatTimeOn() {
			send(ALEX, SAM, "early", 1_000);
			send(ALEX, KIM, "at the time", 2_000);
			send(KIM, ALEX, "later", 3_000);
			send(ALEX, LEE, "later too", 2_500);

			assertThat(DirectMessageStoreContract.this.store.lastIdsSince(2_000))
				.isEqualTo(Map.of(ALEX_KIM.id(), 2L, ALEX_LEE.id(), 1L));
		}

		@Test
		void lastIdsOfNameEachOfThePersonsConversations() {
			send(ALEX, SAM, "1", 1);
			send(SAM, ALEX, "2", 2);
			send(KIM, ALEX, "1", 3);

			assertThat(DirectMessageStoreContract.this.store.lastIdsOf(ALEX.id()))
				.containsExactlyInAnyOrderEntriesOf(Map.of(ALEX_SAM.id(), 2L, ALEX_KIM.id(), 1L));
			assertThat(DirectMessageStoreContract.this.store.lastIdsOf(SAM.id()))
				.containsExactlyInAnyOrderEntriesOf(Map.of(ALEX_SAM.id(), 2L));
			assertThat(DirectMessageStoreContract.this.store.lastIdsOf(LEE.id())).isEmpty();
		}

	}

	static Conversation between(Person one, Person other) {
		return Conversation.between(one.id(), other.id());
	}

	@Nested
	class Resends {

		/** What the store answers to a DM with {@code clientMsgId}: "stored 4" or "already 4". */
		private String outcomeOf(JdbcDirectMessageStore on, Person from, Person to, String clientMsgId)
				throws Exception {
			CompletableFuture<String> outcome = new CompletableFuture<>();
			on.append(between(from, to), from, to, "hi", null, 1, false, clientMsgId, new Stored() {
				@Override
				public void stored(DirectMessage message) {
					outcome.complete("stored " + message.id());
				}

				@Override
				public void alreadyStored(long id) {
					outcome.complete("already " + id);
				}

				@Override
				public void failed(ChatException reason) {
					outcome.complete("failed");
				}
			});
			return outcome.get(10, TimeUnit.SECONDS);
		}

		@Test
		void aResendStoresNothingNewHereOrOnAnotherNodeAndNamesTheFirstId() throws Exception {
			send(ALEX, SAM, "before", 1);

			assertThat(outcomeOf(store, ALEX, SAM, "alex-dm-0001")).isEqualTo("stored 2");
			assertThat(outcomeOf(store, ALEX, SAM, "alex-dm-0001")).isEqualTo("already 2");
			try (JdbcDirectMessageStore node = new JdbcDirectMessageStore(database.dataSource())) {
				assertThat(outcomeOf(node, ALEX, SAM, "alex-dm-0001")).as("another node, or after a restart")
					.isEqualTo("already 2");
			}
			assertThat(outcomeOf(store, SAM, ALEX, "alex-dm-0001")).as("the other person's own id").isEqualTo("stored 3");
			assertThat(outcomeOf(store, ALEX, KIM, "alex-dm-0001")).as("another conversation").isEqualTo("stored 1");
			assertThat(send(ALEX, SAM, "after", 2).id()).as("no gap").isEqualTo(4);
		}

	}

	DirectMessage send(Person from, Person to, String text, long timestamp) {
		return send(from, to, text, timestamp, false);
	}

	DirectMessage send(Person from, Person to, String text, long timestamp, boolean hidden) {
		return send(this.store, from, to, text, timestamp, hidden);
	}

	private void sendMany(Person from, Person to, int count) {
		for (int i = 1; i <= count; i++) {
			send(from, to, "m" + i, i);
		}
	}

	private static DirectMessage send(JdbcDirectMessageStore store, Person from, Person to, String text,
			long timestamp, boolean hidden) {
		return append(store, from, to, text, timestamp, hidden).message();
	}

	/** Appends, whatever the outcome: reported later, or refused at once. */
	private static Outcome append(JdbcDirectMessageStore store, Person from, Person to, String text, long timestamp,
			boolean hidden) {
		Outcome outcome = new Outcome();
		try {
			store.append(between(from, to), from, to, text, timestamp, hidden, outcome);
		}
		catch (ChatException ex) {
			outcome.failed(ex);
		}
		return outcome;
	}

	private Summary summary(Person person, Conversation conversation) {
		return this.store.conversation(person.id(), conversation);
	}

	private Page page(Person viewer, Long before, Long since, int limit) {
		return this.store.page(ALEX_SAM, viewer.id(), before, since, limit);
	}

	private static List<Long> ids(Page page) {
		return page.messages().stream().map(DirectMessage::id).toList();
	}

	private List<Long> storedIds(Conversation conversation) {
		return this.database.jdbc()
			.sql("SELECT id FROM direct_messages WHERE conversation = ? ORDER BY id")
			.param(conversation.id())
			.query(Long.class)
			.list();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** What {@code append} reported, waited for (at most ten seconds). */
	private static final class Outcome implements Stored {

		private final CompletableFuture<DirectMessage> result = new CompletableFuture<>();

		@Override
		public void stored(DirectMessage message) {
			this.result.complete(message);
		}

		@Override
		public void failed(ChatException reason) {
			this.result.completeExceptionally(reason);
		}

		DirectMessage message() {
			try {
				return this.result.get(10, TimeUnit.SECONDS);
			}
			catch (ExecutionException ex) {
				throw new AssertionError("Not stored: " + ex.getCause().getMessage(), ex.getCause());
			}
			catch (InterruptedException | TimeoutException ex) {
				throw new AssertionError("Not reported within ten seconds", ex);
			}
		}

		ChatException failure() {
			try {
				DirectMessage stored = this.result.get(10, TimeUnit.SECONDS);
				throw new AssertionError("Stored as " + stored.id() + ", not refused");
			}
			catch (ExecutionException ex) {
				return (ChatException) ex.getCause();
			}
			catch (InterruptedException | TimeoutException ex) {
				throw new AssertionError("Not reported within ten seconds", ex);
			}
		}

	}

}
