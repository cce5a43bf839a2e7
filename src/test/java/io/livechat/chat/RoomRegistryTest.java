package io.livechat.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoomRegistryTest {

	private static final String ALEX_CLIENT = "client-alex-1";

	private static final String SAM_CLIENT = "client-sam-22";

	private final RecordingChatEvents events = new RecordingChatEvents();

	private final RoomRegistry registry = new RoomRegistry(
			List.of(new Room("general", "General"), new Room("tech", "Tech"), new Room("random", "Random")),
			new InMemoryMessageStore(), this.events, Clock.fixed(Instant.ofEpochMilli(1_732_900_000_000L), ZoneOffset.UTC));

	@Nested
	class Joining {

		@Test
		void repliesToTheJoinerWithHistoryAndUsers() {
			join("c1", "Sam", SAM_CLIENT, "general");
			registry.send("c1", "general", "hello");

			join("c2", "Alex", ALEX_CLIENT, "general");

			JoinedEvent joined = lastOf(events.toConnection("c2"), JoinedEvent.class);
			assertThat(joined.room()).isEqualTo("general");
			assertThat(joined.username()).isEqualTo("Alex");
			assertThat(joined.users()).containsExactly("Alex", "Sam");
			assertThat(joined.history()).extracting(ChatMessage::text).containsExactly("hello");
			assertThat(joined.truncated()).isFalse();
		}

		@Test
		void announcesTheNewcomerAndTheNewUserListToTheRoom() {
			join("c1", "Alex", ALEX_CLIENT, "general");

			assertThat(events.toRoom("general")).containsExactly(
					new SystemEvent("joined", "general", "Alex", "Alex joined #general", 1_732_900_000_000L),
					new UsersEvent("general", List.of("Alex")));
		}

		@Test
		void publishesTheRoomCountsToTheLobby() {
			join("c1", "Alex", ALEX_CLIENT, "general");

			assertThat(events.toLobby()).last()
				.isEqualTo(new RoomsEvent(List.of(new RoomSummary("general", "General", 1),
						new RoomSummary("tech", "Tech", 0), new RoomSummary("random", "Random", 0))));
		}

		@Test
		void refusesANameTakenByAnotherClientWhateverItsCase() {
			join("c1", "Alex", ALEX_CLIENT, "general");

			assertThatThrownBy(() -> join("c2", "aLeX", SAM_CLIENT, "general")).isInstanceOfSatisfying(
					ChatException.class, (ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.USERNAME_TAKEN));
			assertThat(registry.users("general")).containsExactly("Alex");
		}

		@Test
		void letsTheSameNameIntoAnotherRoom() {
			join("c1", "Alex", ALEX_CLIENT, "general");
			join("c2", "Alex", SAM_CLIENT, "tech");

			assertThat(registry.users("tech")).containsExactly("Alex");
		}

		@Test
		void refusesAnUnknownRoom() {
			assertThatThrownBy(() -> join("c1", "Alex", ALEX_CLIENT, "lobby")).isInstanceOfSatisfying(
					ChatException.class, (ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNKNOWN_ROOM));
		}

		@Test
		void refusesAMalformedClientId() {
			for (String clientId : new String[] { null, "short", "x".repeat(65), "has space" }) {
				assertThatThrownBy(() -> join("c1", "Alex", clientId, "general")).isInstanceOfSatisfying(
						ChatException.class, (ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.BAD_REQUEST));
			}
		}

		@Test
		void leavesThePreviousRoom() {
			join("c1", "Alex", ALEX_CLIENT, "general");

			join("c1", "Alex", ALEX_CLIENT, "tech");

			assertThat(registry.users("general")).isEmpty();
			assertThat(registry.users("tech")).containsExactly("Alex");
			assertThat(events.toRoom("general", SystemEvent.class)).extracting(SystemEvent::event)
				.containsExactly("joined", "left");
		}

		@Test
		void aRefusedJoinKeepsTheConnectionWhereItWas() {
			join("c1", "Alex", ALEX_CLIENT, "general");
			join("c2", "Sam", SAM_CLIENT, "tech");

			assertThatThrownBy(() -> join("c1", "Sam", ALEX_CLIENT, "tech")).isInstanceOf(ChatException.class);

			assertThat(registry.users("general")).containsExactly("Alex");
		}

		@Test
		void joiningAgainRepliesAgainWithoutAnnouncingAnything() {
			join("c1", "Alex", ALEX_CLIENT, "general");
			events.clear();

			join("c1", "Alex", ALEX_CLIENT, "general");

			assertThat(events.toConnection("c1")).hasSize(1).first().isInstanceOf(JoinedEvent.class);
			assertThat(events.toRoom("general")).isEmpty();
		}

		@Test
		void sinceLimitsTheHistoryToWhatTheClientMissed() {
			join("c1", "Alex", ALEX_CLIENT, "general");
			for (int i = 0; i < 5; i++) {
				registry.send("c1", "general", "m" + i);
			}

			registry.connect("c2");
			registry.join("c2", "Sam", SAM_CLIENT, "general", 3L);

			JoinedEvent joined = lastOf(events.toConnection("c2"), JoinedEvent.class);
			assertThat(joined.history()).extracting(ChatMessage::id).containsExactly(4L, 5L);
		}

	}

	@Nested
	class ABigRoom {

		private final RoomRegistry small = new RoomRegistry(List.of(new Room("general", "General")),
				new InMemoryMessageStore(), events, Presence.LOCAL, Clock.systemUTC(), 3);

		@Test
		void announcesNobodyAloneBeyondTheLimitButListsEveryone() {
			for (int i = 1; i <= 5; i++) {
				small.connect("c" + i);
				small.join("c" + i, "Person " + i, "client-person-" + i, "general", null);
			}

			assertThat(events.toRoom("general", SystemEvent.class)).extracting(SystemEvent::username)
				.containsExactly("Person 1", "Person 2", "Person 3"); // a room of up to three
			assertThat(lastOf(events.toRoom("general"), UsersEvent.class).users()).hasSize(5);
		}

		@Test
		void announcesALeaveOnlyFromARoomWithinTheLimit() {
			for (int i = 1; i <= 5; i++) {
				small.connect("c" + i);
				small.join("c" + i, "Person " + i, "client-person-" + i, "general", null);
			}
			for (int i = 5; i >= 1; i--) {
				small.disconnect("c" + i);
			}

			assertThat(events.toRoom("general", SystemEvent.class)).filteredOn((e) -> e.event().equals("left"))
				.extracting(SystemEvent::username)
				.containsExactly("Person 3", "Person 2", "Person 1"); // they left rooms of three, two and one
			assertThat(lastOf(events.toRoom("general"), UsersEvent.class).users()).isEmpty();
		}

	}

	@Nested
	class SeveralTabsOfOnePerson {

		@Test
		void areListedAndCountedOnce() {
			join("tab1", "Alex", ALEX_CLIENT, "general");
			events.clear();

			join("tab2", "Alex", ALEX_CLIENT, "general");

			assertThat(registry.users("general")).containsExactly("Alex");
			assertThat(events.toRoom("general")).isEmpty();
			assertThat(events.toLobby()).isEmpty();
			assertThat(registry.summaries().get(0).users()).isEqualTo(1);
		}

		@Test
		void leaveOnlyWhenTheLastTabCloses() {
			join("tab1", "Alex", ALEX_CLIENT, "general");
			join("tab2", "Alex", ALEX_CLIENT, "general");
			events.clear();

			registry.disconnect("tab1");
			assertThat(registry.users("general")).containsExactly("Alex");
			assertThat(events.toRoom("general")).isEmpty();

			registry.disconnect("tab2");
			assertThat(registry.users("general")).isEmpty();
			assertThat(events.toRoom("general", SystemEvent.class)).extracting(SystemEvent::text)
				.containsExactly("Alex left #general");
		}

		@Test
		void speakUnderTheNameTheFirstTabJoinedWith() {
			join("tab1", "Alex", ALEX_CLIENT, "general");
			join("tab2", "ALEX", ALEX_CLIENT, "general");

			registry.send("tab2", "general", "hi");

			assertThat(events.toRoom("general", ChatMessage.class)).last().extracting(ChatMessage::username)
				.isEqualTo("Alex");
		}

	}

	@Nested
	class Messages {

		@Test
		void carryTheJoinedNameAndTheServerClock() {
			join("c1", "Alex", ALEX_CLIENT, "general");

			registry.send("c1", "general", "  hello  ");

			assertThat(events.toRoom("general")).last()
				.isEqualTo(new ChatMessage(1, "general", "Alex", "hello", 1_732_900_000_000L));
		}

		@Test
		void areRefusedInARoomNotJoined() {
			join("c1", "Alex", ALEX_CLIENT, "general");

			assertThatThrownBy(() -> registry.send("c1", "tech", "hi")).isInstanceOfSatisfying(ChatException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NOT_JOINED));
			assertThat(events.toRoom("tech")).isEmpty();
		}

		@Test
		void areRefusedWhenInvalidAndNothingIsStored() {
			join("c1", "Alex", ALEX_CLIENT, "general");

			assertThatThrownBy(() -> registry.send("c1", "general", " ")).isInstanceOf(ChatException.class);
			assertThatThrownBy(() -> registry.send("c1", "general", "x".repeat(1001))).isInstanceOf(ChatException.class);

			registry.send("c1", "general", "ok");
			assertThat(events.toRoom("general", ChatMessage.class)).extracting(ChatMessage::id).containsExactly(1L);
		}

		@Test
		void typingIsSharedWithTheRoomUnderTheJoinedName() {
			join("c1", "Alex", ALEX_CLIENT, "general");

			registry.typing("c1", "general", true);

			assertThat(events.toRoom("general")).last().isEqualTo(new TypingEvent("general", "Alex", true));
		}

	}

	@Nested
	class Leaving {

		@Test
		void announcesTheLeaveAndTheNewCounts() {
			join("c1", "Alex", ALEX_CLIENT, "general");
			join("c2", "Sam", SAM_CLIENT, "general");
			events.clear();

			registry.leave("c1", "general");

			assertThat(events.toRoom("general")).containsExactly(
					new SystemEvent("left", "general", "Alex", "Alex left #general", 1_732_900_000_000L),
					new UsersEvent("general", List.of("Sam")));
			assertThat(((RoomsEvent) events.toLobby().get(0)).rooms().get(0).users()).isEqualTo(1);
		}

		@Test
		void aRoomNotJoinedIsRefused() {
			join("c1", "Alex", ALEX_CLIENT, "general");

			assertThatThrownBy(() -> registry.leave("c1", "tech")).isInstanceOfSatisfying(ChatException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NOT_JOINED));
		}

		@Test
		void disconnectIsALeaveAndCanBeReportedTwice() {
			join("c1", "Alex", ALEX_CLIENT, "general");

			registry.disconnect("c1");
			registry.disconnect("c1");

			assertThat(registry.users("general")).isEmpty();
			assertThat(events.toRoom("general", SystemEvent.class)).extracting(SystemEvent::event)
				.containsExactly("joined", "left");
			assertThat(registry.connectionCount()).isZero();
		}

		@Test
		void aConnectionThatNeverConnectedCannotJoin() {
			registry.join("c1", "Alex", ALEX_CLIENT, "general", null);

			assertThat(registry.users("general")).isEmpty();
			assertThat(events.toConnection("c1")).isEmpty();
		}

		@Test
		void aClosedConnectionCannotJoinLate() {
			registry.connect("c1");
			registry.disconnect("c1");

			registry.join("c1", "Alex", ALEX_CLIENT, "general", null);

			assertThat(registry.users("general")).isEmpty();
		}

	}

	@Nested
	class WhenTheStoreIsUnavailable {

		private final UnavailableStore store = new UnavailableStore();

		private final RoomRegistry failing = new RoomRegistry(List.of(new Room("general", "General")), this.store,
				events, Clock.systemUTC());

		@Test
		void aJoinFailsWithoutChangingAnything() {
			this.failing.connect("c1");
			this.store.down = true;

			assertThatThrownBy(() -> this.failing.join("c1", "Alex", ALEX_CLIENT, "general", null))
				.isInstanceOfSatisfying(ChatException.class, (ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNAVAILABLE));
			assertThat(this.failing.users("general")).isEmpty();
			assertThat(events.toRoom("general")).isEmpty();
		}

		@Test
		void aMessageThatCannotBeStoredIsNotBroadcastAndSendingWorksAgainLater() {
			this.failing.connect("c1");
			this.failing.join("c1", "Alex", ALEX_CLIENT, "general", null);
			events.clear();
			this.store.down = true;

			this.failing.send("c1", "general", "lost?");

			assertThat(events.toRoom("general")).isEmpty();
			assertThat(events.toConnection("c1")).last().isInstanceOfSatisfying(ErrorEvent.class,
					(error) -> assertThat(error.code()).isEqualTo("unavailable"));

			this.store.down = false;
			this.failing.send("c1", "general", "stored");
			assertThat(events.toRoom("general", ChatMessage.class)).extracting(ChatMessage::id).containsExactly(1L);
		}

	}

	/** An in-memory store that can be switched off, as a database outage would. */
	static final class UnavailableStore extends InMemoryMessageStore {

		volatile boolean down;

		@Override
		public ChatMessage append(String roomId, String username, String text, MessageImage image, long timestamp) {
			check();
			return super.append(roomId, username, text, image, timestamp);
		}

		@Override
		public History after(String roomId, long afterId, int limit) {
			check();
			return super.after(roomId, afterId, limit);
		}

		private void check() {
			if (this.down) {
				throw new ChatException(ErrorCode.UNAVAILABLE, "down");
			}
		}

	}

	@Nested
	class UnderConcurrency {

		@Test
		void messageIdsAreUniqueAndConsecutiveAndPublishedInOrder() throws Exception {
			int senders = 16;
			int perSender = 500;
			for (int i = 0; i < senders; i++) {
				join("c" + i, "User" + i, "client-" + i + "-xxxx", "general");
			}
			events.clear();

			runConcurrently(senders, (i) -> {
				for (int n = 0; n < perSender; n++) {
					registry.send("c" + i, "general", "m" + n);
				}
			});

			List<Long> published = events.toRoom("general", ChatMessage.class).stream().map(ChatMessage::id).toList();
			assertThat(published).containsExactlyElementsOf(
					LongStream.rangeClosed(1, (long) senders * perSender).boxed().toList());
		}

		@Test
		void joinsLeavesAndDisconnectsLeaveNoGhosts() throws Exception {
			int threads = 16;
			runConcurrently(threads, (i) -> {
				for (int n = 0; n < 200; n++) {
					String connection = "t" + i + "-" + n;
					String room = List.of("general", "tech", "random").get(n % 3);
					registry.connect(connection);
					registry.join(connection, "User" + i, "client-" + i + "-xxxx", room, null);
					if (n % 2 == 0) {
						registry.join(connection, "User" + i, "client-" + i + "-xxxx", "general", null);
					}
					registry.disconnect(connection);
				}
			});

			assertThat(registry.summaries()).allSatisfy((room) -> assertThat(room.users()).isZero());
			assertThat(registry.users("general")).isEmpty();
			assertThat(registry.connectionCount()).isZero();
			RoomsEvent last = (RoomsEvent) events.toLobby().get(events.toLobby().size() - 1);
			assertThat(last.rooms()).allSatisfy((room) -> assertThat(room.users()).isZero());
		}

		@Test
		void everyNameIsHeldByOneClientAtATime() throws Exception {
			int threads = 16;
			List<Integer> admitted = new ArrayList<>();
			runConcurrently(threads, (i) -> {
				registry.connect("c" + i);
				try {
					registry.join("c" + i, "Alex", "client-" + i + "-xxxx", "general", null);
					synchronized (admitted) {
						admitted.add(i);
					}
				}
				catch (ChatException ex) {
					assertThat(ex.code()).isEqualTo(ErrorCode.USERNAME_TAKEN);
				}
			});

			assertThat(admitted).hasSize(1);
			assertThat(registry.users("general")).containsExactly("Alex");
		}

		private void runConcurrently(int threads, ThrowingIntConsumer task) throws Exception {
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			try {
				CountDownLatch start = new CountDownLatch(1);
				List<Future<?>> done = new ArrayList<>();
				for (int i = 0; i < threads; i++) {
					int index = i;
					done.add(pool.submit(() -> {
						start.await();
						task.accept(index);
						return null;
					}));
				}
				start.countDown();
				for (Future<?> future : done) {
					future.get(30, TimeUnit.SECONDS);
				}
			}
			finally {
				pool.shutdownNow();
			}
		}

	}

	@FunctionalInterface
	interface ThrowingIntConsumer {

		void accept(int value) throws Exception;

	}

	private void join(String connectionId, String name, String clientId, String room) {
		this.registry.connect(connectionId);
		this.registry.join(connectionId, name, clientId, room, null);
	}

	private static <T> T lastOf(List<ChatEvent> events, Class<T> type) {
		T last = null;
		for (ChatEvent event : events) {
			if (type.isInstance(event)) {
				last = type.cast(event);
			}
		}
		return last;
	}

}
