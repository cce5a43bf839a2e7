package io.livechat.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a room's lock never waits for: another node's answer to a claim or a release (Redis, in
 * a cluster), and the store's writer handing over what it committed. While either is slow,
 * everyone else in the room goes on chatting.
 */
class RoomLockTest {

	private static final Duration PROMPTLY = Duration.ofSeconds(2);

	private final RecordingChatEvents events = new RecordingChatEvents();

	private final SlowPresence presence = new SlowPresence();

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final ExecutorService handOff = Executors.newFixedThreadPool(2);

	private final WriterStore store = new WriterStore();

	private final RoomRegistry registry = new RoomRegistry(
			List.of(new Room("general", "General"), new Room("tech", "Tech")), this.store, this.events, this.presence,
			Clock.systemUTC(), RoomRegistry.DEFAULT_ANNOUNCE_LIMIT, this.handOff);

	@AfterEach
	void stop() {
		this.presence.answer.countDown();
		this.store.gate.countDown();
		this.store.readDone.countDown();
		this.threads.shutdownNow();
		this.handOff.shutdownNow();
		this.store.writer.shutdownNow();
	}

	@Test
	void aJoinWaitingForItsClaimHoldsUpNobodyInTheRoom() throws Exception {
		this.store.gate.countDown();
		join("c-sam", "Sam", "client-sam-22");
		this.presence.slow.add("alex");
		CompletableFuture<Void> alex = CompletableFuture.runAsync(() -> join("c-alex", "Alex", "client-alex-1"),
				this.threads);
		this.presence.claiming.await(5, TimeUnit.SECONDS);

		this.registry.typing("c-sam", "general", true);
		this.registry.send("c-sam", "general", "anyone here?");
		join("c-kim", "Kim", "client-kim-333"); // another name: no need to wait either

		Awaitility.await().atMost(PROMPTLY).until(() -> texts().contains("anyone here?"));
		assertThat(this.events.toRoom("general", TypingEvent.class)).hasSize(1);
		assertThat(this.registry.users("general")).containsExactly("Kim", "Sam");
		assertThat(alex).isNotDone();

		this.presence.answer.countDown();
		alex.get(5, TimeUnit.SECONDS);
		assertThat(this.registry.users("general")).containsExactly("Alex", "Kim", "Sam");
	}

	@Test
	void aLeaveWaitingForItsReleaseHoldsUpNobodyInTheRoom() throws Exception {
		this.store.gate.countDown();
		join("c-sam", "Sam", "client-sam-22");
		join("c-alex", "Alex", "client-alex-1");
		this.presence.slow.add("alex");
		CompletableFuture<Void> leaving = CompletableFuture.runAsync(() -> this.registry.disconnect("c-alex"),
				this.threads);
		this.presence.releasing.await(5, TimeUnit.SECONDS);

		this.registry.send("c-sam", "general", "bye Alex");

		Awaitility.await().atMost(PROMPTLY).until(() -> texts().contains("bye Alex"));
		assertThat(leaving).isNotDone();
		this.presence.answer.countDown();
		leaving.get(5, TimeUnit.SECONDS);
		assertThat(this.events.toRoom("general", SystemEvent.class)).last()
			.satisfies((left) -> assertThat(left.text()).isEqualTo("Alex left #general"));
	}

	@Test
	void aSecondTabWaitsForTheFirstTabsClaimAndIsNotAnnouncedTwice() throws Exception {
		this.presence.slow.add("alex");
		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> join("c-alex-1", "Alex", "client-alex-1"),
				this.threads);
		this.presence.claiming.await(5, TimeUnit.SECONDS);
		CompletableFuture<Void> second = CompletableFuture.runAsync(() -> join("c-alex-2", "Alex", "client-alex-1"),
				this.threads);

		Thread.sleep(200);
		assertThat(second).isNotDone(); // the same name in the same room: one at a time
		this.presence.answer.countDown();
		CompletableFuture.allOf(first, second).get(5, TimeUnit.SECONDS);

		assertThat(this.events.toRoom("general", SystemEvent.class)).hasSize(1);
		assertThat(this.presence.claims).isEqualTo(1); // the second tab found the first one here
		assertThat(this.registry.users("general")).containsExactly("Alex");
	}

	@Test
	void aJoinWaitingForItsHistoryHoldsUpNobodyAndMissesNothing() throws Exception {
		this.store.gate.countDown();
		join("c-sam", "Sam", "client-sam-22");
		this.registry.send("c-sam", "general", "before");
		this.store.slowReads = true;
		CompletableFuture<Void> alex = CompletableFuture.runAsync(() -> join("c-alex", "Alex", "client-alex-1"),
				this.threads);
		this.store.reading.await(5, TimeUnit.SECONDS);

		this.registry.send("c-sam", "general", "while Alex joins");

		Awaitility.await().atMost(PROMPTLY).until(() -> texts().contains("while Alex joins"));
		assertThat(alex).isNotDone();
		this.store.readDone.countDown();
		alex.get(5, TimeUnit.SECONDS);
		JoinedEvent joined = (JoinedEvent) this.events.toConnection("c-alex").get(0);
		assertThat(joined.history()).extracting(ChatMessage::text).containsExactly("before", "while Alex joins");
	}

	@Test
	void theStoresWriterHandsOverWithoutWaitingForTheRoom() throws Exception {
		join("c-sam", "Sam", "client-sam-22");
		this.registry.send("c-sam", "general", "one");
		this.registry.send("c-sam", "general", "two"); // both held by the writer until the room is busy
		CountDownLatch busy = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(1);
		this.threads.execute(() -> this.registry.exclusively("general", () -> {
			busy.countDown();
			await(done);
		}));
		busy.await(5, TimeUnit.SECONDS);

		this.store.gate.countDown();
		this.store.writer.submit(() -> {
		}).get(5, TimeUnit.SECONDS); // the writer got past both hand-overs while the room is locked

		assertThat(texts()).isEmpty();
		done.countDown();
		Awaitility.await().atMost(PROMPTLY).until(() -> texts().size() == 2);
		assertThat(this.events.toRoom("general", ChatMessage.class)).extracting(ChatMessage::id)
			.containsExactly(1L, 2L);
	}

	@Test
	void storedMessagesReachTheRoomInIdOrder() {
		join("c-sam", "Sam", "client-sam-22");
		this.store.gate.countDown();
		for (int i = 1; i <= 200; i++) {
			this.registry.send("c-sam", "general", "message " + i);
		}

		Awaitility.await().atMost(PROMPTLY).until(() -> texts().size() == 200);
		assertThat(this.events.toRoom("general", ChatMessage.class)).extracting(ChatMessage::id)
			.isSorted()
			.doesNotHaveDuplicates();
	}

	private List<String> texts() {
		return this.events.toRoom("general", ChatMessage.class).stream().map(ChatMessage::text).toList();
	}

	private void join(String connectionId, String name, String clientId) {
		this.registry.connect(connectionId);
		this.registry.join(connectionId, name, clientId, "general", null);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Other nodes that answer at once, except for the names in {@code slow}: those wait for {@code answer}. */
	private static final class SlowPresence implements Presence {

		final Set<String> slow = ConcurrentHashMap.newKeySet();

		final CountDownLatch answer = new CountDownLatch(1);

		final CountDownLatch claiming = new CountDownLatch(1);

		final CountDownLatch releasing = new CountDownLatch(1);

		volatile int claims;

		@Override
		public Claim claim(String roomId, Username name, String clientId) {
			if (this.slow.contains(name.key())) {
				this.claims++;
				this.claiming.countDown();
				await(this.answer);
			}
			return new Claim(true, true, name.value());
		}

		@Override
		public boolean release(String roomId, String nameKey) {
			if (this.slow.contains(nameKey)) {
				this.releasing.countDown();
				await(this.answer);
			}
			return true;
		}

		@Override
		public List<String> users(String roomId, List<String> here) {
			return LOCAL.users(roomId, here);
		}

		@Override
		public List<String> known(String roomId, List<String> here) {
			return LOCAL.known(roomId, here);
		}

		@Override
		public int count(String roomId, int here) {
			return LOCAL.count(roomId, here);
		}

	}

	/** Commits on a thread of its own, as the JDBC store does; holds every commit until {@code gate} opens. */
	private static final class WriterStore extends InMemoryMessageStore {

		final ExecutorService writer = Executors.newSingleThreadExecutor();

		final CountDownLatch gate = new CountDownLatch(1);

		volatile boolean slowReads;

		final CountDownLatch reading = new CountDownLatch(1);

		final CountDownLatch readDone = new CountDownLatch(1);

		/** When reads are slow: what the store holds as the read starts, returned once {@code readDone} opens. */
		@Override
		public History after(String roomId, long afterId, int limit) {
			History read = super.after(roomId, afterId, limit);
			if (this.slowReads) {
				this.slowReads = false;
				this.reading.countDown();
				RoomLockTest.await(this.readDone);
			}
			return read;
		}

		@Override
		public void append(NewMessage pending, Appended then) {
			ChatMessage message = append(pending.roomId(), pending.username(), pending.text(), pending.image(),
					pending.timestamp());
			this.writer.execute(() -> {
				RoomLockTest.await(this.gate);
				then.stored(message);
			});
		}

	}

}
