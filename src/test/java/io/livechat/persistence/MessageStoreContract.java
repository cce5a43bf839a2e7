package io.livechat.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import io.livechat.chat.Appended;
import io.livechat.chat.ChatException;
import io.livechat.chat.ChatMessage;
import io.livechat.chat.ClientMessageId;
import io.livechat.chat.ErrorCode;
import io.livechat.chat.History;
import io.livechat.chat.MessageStore;
import io.livechat.chat.NewMessage;
import io.livechat.config.LiveChatProperties;
import io.livechat.config.LiveChatProperties.HistoryRetention;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the JDBC store promises, held against each database it runs on.
 */
abstract class MessageStoreContract {

	TestDatabase database;

	JdbcMessageStore store;

	abstract TestDatabase database() throws Exception;

	@BeforeEach
	void openStore() throws Exception {
		this.database = database();
		this.store = new JdbcMessageStore(this.database.dataSource());
	}

	@AfterEach
	void dropDatabase() throws Exception {
		this.store.close();
		this.database.close();
	}

	@Test
	void numbersEachRoomFromOneAndStoresEverything() {
		assertThat(this.store.append("general", "Alex", "a", 1).id()).isEqualTo(1);
		assertThat(this.store.append("general", "Sam", "b", 2).id()).isEqualTo(2);
		assertThat(this.store.append("tech", "Alex", "c", 3).id()).isEqualTo(1);

		assertThat(this.database.jdbc().sql("SELECT COUNT(*) FROM messages").query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void aNewStoreOnTheSameDatabaseContinuesTheSequenceAndKnowsTheHistory() {
		append("general", 70);

		JdbcMessageStore restarted = new JdbcMessageStore(this.database.dataSource());

		assertThat(restarted.append("general", "Alex", "after restart", 100).id()).isEqualTo(71);
		History history = restarted.after("general", 0, 50);
		assertThat(history.messages()).extracting(ChatMessage::id)
			.containsExactlyElementsOf(LongStream.rangeClosed(22, 71).boxed().toList());
		assertThat(history.truncated()).isTrue();
	}

	@Test
	void concurrentSendersShareCommitsAndGetConsecutiveIdsReportedInOrder() throws Exception {
		int senders = 8;
		int each = 100;
		List<Long> reported = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch done = new CountDownLatch(senders * each);
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < senders; t++) {
			Thread thread = new Thread(() -> {
				for (int i = 0; i < each; i++) {
					this.store.append("general", "Alex", "m", 1, recordingInto(reported, done));
				}
			});
			threads.add(thread);
			thread.start();
		}
		assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();

		assertThat(reported).containsExactlyElementsOf(LongStream.rangeClosed(1, senders * each).boxed().toList());
		assertThat(this.database.jdbc().sql("SELECT COUNT(*) FROM messages").query(Long.class).single())
			.isEqualTo(senders * each);
	}

	@Test
	void keepsEveryFieldAsGiven() {
		String text = "Zoë says <b>hi</b> 😀 \"quoted\" 'single' \\ back";
		this.store.append("random", "Zoë", text, 1_732_900_000_123L);

		JdbcMessageStore restarted = new JdbcMessageStore(this.database.dataSource());

		assertThat(restarted.after("random", 0, 50).messages())
			.containsExactly(new ChatMessage(1, "random", "Zoë", text, 1_732_900_000_123L));
	}

	@Test
	void aClientThatMissedMoreThanFiftyGetsTheNewestFiftyAndPagesBackForTheRest() {
		append("general", 120);

		History history = this.store.after("general", 10, 100);

		assertThat(history.messages()).extracting(ChatMessage::id)
			.containsExactlyElementsOf(LongStream.rangeClosed(71, 120).boxed().toList());
		assertThat(history.truncated()).isTrue();
		assertThat(this.store.before("general", 71, 100).messages()).extracting(ChatMessage::id)
			.containsExactlyElementsOf(LongStream.rangeClosed(1, 70).boxed().toList());
		assertThat(this.store.after("general", 115, 50).messages()).extracting(ChatMessage::id)
			.containsExactly(116L, 117L, 118L, 119L, 120L);
	}

	@Test
	void pagesBackToTheBeginning() {
		append("tech", 120);

		History newest = this.store.before("tech", Long.MAX_VALUE, 50);
		History middle = this.store.before("tech", newest.messages().get(0).id(), 50);
		History first = this.store.before("tech", middle.messages().get(0).id(), 50);

		assertThat(newest.messages()).extracting(ChatMessage::id).startsWith(71L).endsWith(120L);
		assertThat(middle.messages()).extracting(ChatMessage::id).startsWith(21L).endsWith(70L);
		assertThat(first.messages()).extracting(ChatMessage::id)
			.containsExactlyElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
		assertThat(newest.truncated()).isTrue();
		assertThat(middle.truncated()).isTrue();
		assertThat(first.truncated()).isFalse();
		assertThat(this.store.before("tech", 1, 50).messages()).isEmpty();
	}

	@Test
	void whileTheDatabaseIsDownNothingIsStoredOrNumberedAndItRecovers() {
		append("general", 3);
		this.database.goDown();

		assertThatThrownBy(() -> this.store.append("general", "Alex", "lost?", 10))
			.isInstanceOfSatisfying(ChatException.class, (ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNAVAILABLE));
		assertThatThrownBy(() -> new JdbcMessageStore(this.database.dataSource()).after("tech", 0, 50))
			.isInstanceOf(ChatException.class);

		this.database.comeBack();
		assertThat(this.store.append("general", "Alex", "back", 11).id()).isEqualTo(4);
		assertThat(this.store.after("general", 0, 50).messages()).extracting(ChatMessage::text)
			.containsExactly("m1", "m2", "m3", "back");
	}

	@Test
	void prunesByAgeAndByCountPerRoom() {
		for (int i = 1; i <= 30; i++) {
			this.store.append("general", "Alex", "m" + i, (i <= 10) ? 1_000 : System.currentTimeMillis());
		}
		var properties = new LiveChatProperties(null, null, null, null, null,
				new HistoryRetention(Duration.ofDays(30), 50, Duration.ofHours(1), Duration.ofDays(1)), null, null, null, null, null,
				null, null, null, 50, null, null);
		HistoryPruner pruner = new HistoryPruner(this.database.jdbc(), this.store, properties, null);

		assertThat(pruner.prune()).isEqualTo(10);
		assertThat(this.store.after("general", 0, 50).messages()).extracting(ChatMessage::id).startsWith(11L);
		assertThat(new JdbcMessageStore(this.database.dataSource()).after("general", 0, 50).messages()).hasSize(20);
	}

	@Test
	void prunesEachRoomToItsNewestMessages() {
		long now = System.currentTimeMillis();
		for (int i = 1; i <= 80; i++) {
			this.store.append("tech", "Alex", "m" + i, now);
		}
		for (int i = 1; i <= 30; i++) {
			this.store.append("random", "Sam", "r" + i, now);
		}
		var properties = new LiveChatProperties(null, null, null, null, null,
				new HistoryRetention(Duration.ofDays(30), 50, Duration.ofHours(1), Duration.ofDays(1)), null, null, null, null, null,
				null, null, null, 50, null, null);
		HistoryPruner pruner = new HistoryPruner(this.database.jdbc(), this.store, properties, null);

		assertThat(pruner.prune()).isEqualTo(30); // general, the first room, has no messages at all
		assertThat(storedIds("general")).isEmpty();
		assertThat(storedIds("tech")).hasSize(50).startsWith(31L).endsWith(80L);
		assertThat(storedIds("random")).hasSize(30);
		assertThat(this.store.append("tech", "Alex", "after pruning", now).id()).isEqualTo(81);
	}

	@Test
	void nodesSharingTheDatabaseNumberARoomWithoutGapsOrDuplicates() throws Exception {
		append("general", 5); // stored while the node ran alone, before the cluster
		List<JdbcMessageStore> nodes = List.of(shared(), shared());
		try {
			int sendersPerNode = 4;
			int each = 50;
			List<Long> reported = Collections.synchronizedList(new ArrayList<>());
			CountDownLatch done = new CountDownLatch(2 * sendersPerNode * each);
			for (JdbcMessageStore node : nodes) {
				for (int t = 0; t < sendersPerNode; t++) {
					new Thread(() -> {
						for (int i = 0; i < each; i++) {
							node.append("general", "Alex", "m", 1, recordingInto(reported, done));
						}
					}).start();
				}
			}
			assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();

			List<Long> expected = LongStream.rangeClosed(6, 5 + 2 * sendersPerNode * each).boxed().toList();
			assertThat(reported).containsExactlyInAnyOrderElementsOf(expected);
			assertThat(this.database.jdbc().sql("SELECT id FROM messages WHERE room = 'general' AND id > 5 ORDER BY id")
				.query(Long.class)
				.list()).containsExactlyElementsOf(expected);
			assertThat(nodes.get(0).lastIds()).containsEntry("general", 5L + 2 * sendersPerNode * each);
		}
		finally {
			for (JdbcMessageStore node : nodes) {
				node.close();
			}
		}
	}

	@Test
	void aSharedStoreReadsWhatAnotherNodeStored() throws Exception {
		try (JdbcMessageStore first = shared(); JdbcMessageStore second = shared()) {
			for (int i = 1; i <= 60; i++) {
				first.append("tech", "Alex", "m" + i, i);
			}

			History history = second.after("tech", 0, 50);
			assertThat(history.messages()).extracting(ChatMessage::id)
				.containsExactlyElementsOf(LongStream.rangeClosed(11, 60).boxed().toList());
			assertThat(history.truncated()).isTrue();
			assertThat(second.after("tech", 58, 50).messages()).extracting(ChatMessage::id).containsExactly(59L, 60L);
			assertThat(second.after("tech", 999, 5).messages()).as("a client ahead of the database starts afresh")
				.extracting(ChatMessage::id)
				.containsExactly(56L, 57L, 58L, 59L, 60L);
			assertThat(second.range("tech", 3, 4)).extracting(ChatMessage::id).containsExactly(4L, 5L, 6L, 7L);
			assertThat(second.append("tech", "Sam", "next", 61).id()).isEqualTo(61);
		}
	}

	@Nested
	class Resends {

		private static final ClientMessageId FIRST = new ClientMessageId("alexPublicId0000000000", "c-0001-first");

		/** What the store answers to {@code message}: "stored 4", "already 4" or "failed". */
		private String outcomeOf(MessageStore store, NewMessage message) throws InterruptedException {
			BlockingQueue<String> outcome = new LinkedBlockingQueue<>();
			store.append(message, new Appended() {
				@Override
				public void stored(ChatMessage stored) {
					outcome.add("stored " + stored.id());
				}

				@Override
				public void alreadyStored(long id) {
					outcome.add("already " + id);
				}

				@Override
				public void failed(ChatException reason) {
					outcome.add("failed");
				}
			});
			return outcome.poll(10, TimeUnit.SECONDS);
		}

		private NewMessage sent(String text, ClientMessageId id) {
			return new NewMessage("general", "Alex", text, null, 1, id);
		}

		@Test
		void aResendOfAStoredMessageStoresNothingAndNamesItsId() throws InterruptedException {
			append("general", 3);

			assertThat(outcomeOf(store, sent("hi", FIRST))).isEqualTo("stored 4");
			assertThat(outcomeOf(store, sent("hi", FIRST))).isEqualTo("already 4");
			assertThat(outcomeOf(store, sent("next", null))).as("no gap").isEqualTo("stored 5");
			assertThat(database.jdbc().sql("SELECT COUNT(*) FROM messages").query(Long.class).single()).isEqualTo(5);
		}

		@Test
		void theSameIdFromAnotherSenderOrInAnotherRoomIsAnotherMessage() throws InterruptedException {
			outcomeOf(store, sent("hi", FIRST));

			assertThat(outcomeOf(store, sent("hi", new ClientMessageId("samPublicId00000000000", FIRST.value()))))
				.isEqualTo("stored 2");
			assertThat(outcomeOf(store, new NewMessage("tech", "Alex", "hi", null, 1, FIRST))).isEqualTo("stored 1");
		}

		@Test
		void aResendIsKnownAfterARestartAndOnAnotherNode() throws Exception {
			outcomeOf(store, sent("hi", FIRST));
			store.close();

			store = new JdbcMessageStore(database.dataSource());
			assertThat(outcomeOf(store, sent("hi", FIRST))).as("after a restart").isEqualTo("already 1");
			try (JdbcMessageStore node = shared()) {
				assertThat(outcomeOf(node, sent("hi", FIRST))).as("on another node").isEqualTo("already 1");
			}
		}

		@Test
		void aResendOfAMessagePrunedWithinADayIsStillKnownAndNoLonger() throws InterruptedException {
			long now = System.currentTimeMillis();
			long twoDaysAgo = now - Duration.ofDays(2).toMillis();
			for (int i = 0; i < 60; i++) {
				ClientMessageId id = new ClientMessageId(FIRST.sender(), "c-pruned-" + i);
				outcomeOf(store, new NewMessage("general", "Alex", "m" + i, null, (i < 2) ? twoDaysAgo : now, id));
			}
			var properties = new LiveChatProperties(null, null, null, null, null,
					new HistoryRetention(Duration.ofDays(30), 50, Duration.ofHours(1), Duration.ofDays(1)), null, null, null,
					null, null, null, null, null, 50, null, null);

			assertThat(new HistoryPruner(database.jdbc(), store, properties, null).prune()).isEqualTo(10);
			assertThat(storedIds("general")).hasSize(50).startsWith(11L);
			assertThat(outcomeOf(store, sent("m5", new ClientMessageId(FIRST.sender(), "c-pruned-5"))))
				.as("pruned an hour ago, sent again").isEqualTo("already 6");
			assertThat(outcomeOf(store, sent("m0", new ClientMessageId(FIRST.sender(), "c-pruned-0"))))
				.as("stored two days ago: no outbox keeps it that long").isEqualTo("stored 61");
		}

		@Test
		void manyResendsAtOnceAreEachKnownAsTheMessageTheyRepeat() throws Exception {
			List<String> first = sendAtOnce(250);
			List<String> again = sendAtOnce(250);

			assertThat(first).hasSize(250).allMatch((outcome) -> outcome.startsWith("stored "));
			assertThat(again).as("each resend names the id its first sending got")
				.containsExactlyInAnyOrderElementsOf(first.stream().map((o) -> o.replace("stored", "already")).toList());
			assertThat(database.jdbc().sql("SELECT COUNT(*) FROM messages").query(Long.class).single()).isEqualTo(250);
		}

		/** Sends messages c-many-0 .. c-many-(n-1) without waiting, so that they share commits. */
		private List<String> sendAtOnce(int count) throws InterruptedException {
			BlockingQueue<String> outcomes = new LinkedBlockingQueue<>();
			for (int i = 0; i < count; i++) {
				String text = "m" + i;
				store.append(sent(text, new ClientMessageId(FIRST.sender(), "c-many-" + i)), new Appended() {
					@Override
					public void stored(ChatMessage stored) {
						outcomes.add("stored " + stored.id() + " " + stored.text());
					}

					@Override
					public void alreadyStored(long id) {
						outcomes.add("already " + id + " " + text);
					}

					@Override
					public void failed(ChatException reason) {
						outcomes.add("failed");
					}
				});
			}
			List<String> all = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String outcome = outcomes.poll(10, TimeUnit.SECONDS);
				if (outcome == null) {
					break;
				}
				all.add(outcome);
			}
			return all;
		}

		@Test
		void twoSendingsOfOneMessageAtOnceStoreItOnce() throws Exception {
			try (JdbcMessageStore a = shared(); JdbcMessageStore b = shared()) {
				List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
				List<Thread> senders = new ArrayList<>();
				for (int i = 0; i < 10; i++) {
					JdbcMessageStore node = (i % 2 == 0) ? a : b;
					ClientMessageId id = new ClientMessageId(FIRST.sender(), "c-race-" + (i / 2) + "-x");
					senders.add(new Thread(() -> {
						try {
							outcomes.add(outcomeOf(node, sent("race", id)));
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
					}));
				}
				senders.forEach(Thread::start);
				for (Thread sender : senders) {
					sender.join(30_000);
				}

				assertThat(outcomes).hasSize(10).doesNotContainNull().doesNotContain("failed");
				assertThat(outcomes.stream().filter((o) -> o.startsWith("stored"))).hasSize(5);
				assertThat(database.jdbc().sql("SELECT COUNT(*) FROM messages").query(Long.class).single()).isEqualTo(5);
			}
		}

	}

	/** Adds each stored message's id to {@code reported}; counts down for every outcome. */
	private static Appended recordingInto(List<Long> reported, CountDownLatch done) {
		return new Appended() {
			@Override
			public void stored(ChatMessage message) {
				reported.add(message.id());
				done.countDown();
			}

			@Override
			public void failed(ChatException reason) {
				done.countDown();
			}
		};
	}

	private JdbcMessageStore shared() {
		return JdbcMessageStore.shared(this.database.dataSource(), List.of("general", "tech", "random"));
	}

	private List<Long> storedIds(String room) {
		return this.database.jdbc()
			.sql("SELECT id FROM messages WHERE room = ? ORDER BY id")
			.param(room)
			.query(Long.class)
			.list();
	}

	private void append(String room, int count) {
		for (int i = 1; i <= count; i++) {
			this.store.append(room, "Alex", "m" + i, i);
		}
	}

}
