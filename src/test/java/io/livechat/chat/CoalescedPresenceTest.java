package io.livechat.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoalescedPresenceTest {

	private static final Duration INTERVAL = Duration.ofMillis(200);

	private final RecordingChatEvents sent = new RecordingChatEvents();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	private final CoalescedPresence presence = new CoalescedPresence(this.sent, this.scheduler, INTERVAL,
			System::nanoTime);

	@AfterEach
	void stop() {
		this.scheduler.shutdownNow();
	}

	@Test
	void theFirstListAfterAQuietIntervalGoesOutAtOnceFromTheSchedulersThread() {
		Thread caller = Thread.currentThread();
		AtomicReference<Thread> readOn = new AtomicReference<>();
		CoalescedPresence presence = new CoalescedPresence(this.sent, this.scheduler, INTERVAL, System::nanoTime,
				(snapshot) -> {
					readOn.set(Thread.currentThread());
					return snapshot;
				});
		long offered = System.nanoTime();
		presence.toRoom("general", users("Alex"));

		Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> this.sent.toRoom("general").size() == 1);
		assertThat(Duration.ofNanos(System.nanoTime() - offered)).isLessThan(INTERVAL);
		assertThat(this.sent.toRoom("general")).containsExactly(list(List.of("Alex"), List.of("Alex"), List.of()));
		assertThat(readOn.get()).isNotNull().isNotEqualTo(caller); // the caller may hold a room's lock
	}

	@Test
	void listsDuringAnIntervalBecomeOneListTheNewest() {
		this.presence.toRoom("general", users("Alex"));
		awaitSent("general", 1);
		for (int i = 0; i < 100; i++) {
			this.presence.toRoom("general", users("Alex", "User" + i));
		}

		Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> this.sent.toRoom("general").size() == 2);
		assertThat(this.sent.toRoom("general")).containsExactly(list(List.of("Alex"), List.of("Alex"), List.of()),
				list(List.of("Alex", "User99"), List.of("User99"), List.of()));
		sleep(INTERVAL.multipliedBy(2));
		assertThat(this.sent.toRoom("general")).hasSize(2);
	}

	@Test
	void aListHeldBackIsReadAfreshWhenItGoesOut() {
		AtomicReference<List<String>> now = new AtomicReference<>(List.of("Alex"));
		CoalescedPresence fresh = new CoalescedPresence(this.sent, this.scheduler, INTERVAL, System::nanoTime,
				(snapshot) -> (snapshot instanceof UsersEvent users) ? new UsersEvent(users.room(), now.get()) : snapshot);
		fresh.toRoom("tech", new UsersEvent("tech", List.of("whatever was offered")));
		awaitSent("tech", 1);
		fresh.toRoom("tech", new UsersEvent("tech", List.of("an older list"))); // held back to the interval's end
		now.set(List.of("Alex", "Sam")); // another node's user arrived meanwhile

		Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> this.sent.toRoom("tech").size() == 2);
		assertThat(this.sent.toRoom("tech")).containsExactly(
				new UsersEvent("tech", List.of("Alex"), List.of("Alex"), List.of()),
				new UsersEvent("tech", List.of("Alex", "Sam"), List.of("Sam"), List.of()));
	}

	@Test
	void eachListSaysWhoJoinedAndWhoLeftSinceTheRoomsPreviousList() {
		this.presence.toRoom("general", users("Alex", "Kim", "Lee"));
		awaitSent("general", 1);
		this.presence.toRoom("general", users("Alex", "Kim", "Sam")); // Lee left, Sam came: held back
		this.presence.toRoom("general", users("Alex", "Sam", "Zoe")); // then Kim left, Zoe came

		Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> this.sent.toRoom("general").size() == 2);
		assertThat(this.sent.toRoom("general")).containsExactly(
				list(List.of("Alex", "Kim", "Lee"), List.of("Alex", "Kim", "Lee"), List.of()),
				list(List.of("Alex", "Sam", "Zoe"), List.of("Sam", "Zoe"), List.of("Kim", "Lee")));
	}

	@Test
	void aRoomOfMoreThanAThousandPeopleGetsItsListsLessOftenInProportionToItsSize() {
		List<String> crowd = names(3000);
		this.presence.toRoom("general", new UsersEvent("general", crowd));
		awaitSent("general", 1);
		long sent = System.nanoTime();
		this.presence.toRoom("general", new UsersEvent("general", crowd.subList(1, crowd.size())));

		sleep(INTERVAL.multipliedBy(2)); // past a small room's interval, well before this room's three
		assertThat(this.sent.toRoom("general")).hasSize(1);
		Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> this.sent.toRoom("general").size() == 2);
		assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(INTERVAL.multipliedBy(3));
		assertThat(this.sent.toRoom("general").get(1)).isEqualTo(
				new UsersEvent("general", crowd.subList(1, crowd.size()), List.of(), List.of(crowd.get(0))));
	}

	@Test
	void aBigRoomThatKeepsChangingWaitsTheSquareOfItsIntervalsAndGetsItsLastListOneShortWaitAfterTheLastChange() {
		List<String> crowd = names(2000);
		List<Long> sentAt = new CopyOnWriteArrayList<>();
		CoalescedPresence timed = new CoalescedPresence(this.sent, this.scheduler, INTERVAL, System::nanoTime,
				(snapshot) -> {
					sentAt.add(System.nanoTime());
					return snapshot;
				});
		timed.toRoom("general", new UsersEvent("general", crowd));
		awaitSent("general", 1);
		long quiet = 2 * INTERVAL.toNanos(); // 2,000 people: two intervals, and four while it keeps changing
		long longest = 4 * INTERVAL.toNanos();
		long slack = Duration.ofMillis(10).toNanos(); // a list's time is taken just after it is due
		List<Long> offeredAt = new ArrayList<>();
		long start = System.nanoTime();
		while (System.nanoTime() - start < 9 * longest / 4) { // someone comes or goes every quarter of an interval
			sleep(INTERVAL.dividedBy(4));
			offeredAt.add(System.nanoTime());
			timed.toRoom("general", new UsersEvent("general", crowd.subList(0, crowd.size() - offeredAt.size() % 2)));
		}
		int whileChanging = this.sent.toRoom("general").size();
		long lastChange = offeredAt.get(offeredAt.size() - 1);
		List<String> last = crowd.subList(0, crowd.size() - offeredAt.size() % 2);

		Awaitility.await().atMost(Duration.ofSeconds(5))
			.until(() -> sentAt.get(sentAt.size() - 1) > lastChange
					&& ((UsersEvent) this.sent.toRoom("general").get(this.sent.toRoom("general").size() - 1)).users()
						.equals(last));
		assertThat(whileChanging).as("the changes never hold the list back for good").isGreaterThanOrEqualTo(2);
		for (int i = 1; i < sentAt.size(); i++) {
			long at = sentAt.get(i);
			long sincePrevious = at - sentAt.get(i - 1);
			boolean quietBefore = offeredAt.stream()
				.noneMatch((offered) -> offered > at - quiet + slack && offered < at - slack);
			assertThat(sincePrevious).as("list %d, after the one before", i).isGreaterThanOrEqualTo(quiet - slack);
			assertThat(quietBefore || sincePrevious >= longest - slack)
				.as("list %d goes out once the room has stayed unchanged for the short wait, or after the longest", i)
				.isTrue();
		}
	}

	@Test
	void theWaitsGrowWithTheRoomBeyondAThousandPeopleAndNotForTheLobbyOrForNotices() {
		long interval = INTERVAL.toNanos();
		assertThat(this.presence.quietFor(users("Alex"))).isEqualTo(interval);
		assertThat(this.presence.longestFor(users("Alex"))).isEqualTo(interval);
		assertThat(this.presence.quietFor(crowd(1000))).isEqualTo(interval);
		assertThat(this.presence.longestFor(crowd(1000))).isEqualTo(interval);
		assertThat(this.presence.quietFor(crowd(2000))).isEqualTo(2 * interval);
		assertThat(this.presence.longestFor(crowd(2000))).isEqualTo(4 * interval);
		assertThat(this.presence.quietFor(crowd(5000))).isEqualTo(5 * interval);
		assertThat(this.presence.longestFor(crowd(5000))).isEqualTo(CoalescedPresence.MOST_INTERVALS * interval);
		CoalescedPresence notices = CoalescedPresence.everyInterval(this.sent, this.scheduler, INTERVAL, System::nanoTime);
		assertThat(notices.quietFor(crowd(5000))).isEqualTo(interval);
		assertThat(notices.longestFor(crowd(5000))).isEqualTo(interval);
		RoomsEvent lobby = new RoomsEvent(List.of(new RoomSummary("general", "General", 5000)));
		assertThat(this.presence.quietFor(lobby)).isEqualTo(interval);
		assertThat(this.presence.longestFor(lobby)).isEqualTo(interval);
	}

	@Test
	void eachRoomHasItsOwnInterval() {
		this.presence.toRoom("general", users("Alex"));
		this.presence.toRoom("tech", new UsersEvent("tech", List.of("Sam")));

		awaitSent("general", 1);
		awaitSent("tech", 1);
		sleep(INTERVAL.dividedBy(4)); // well before the end of general's interval
		assertThat(this.sent.toRoom("tech")).hasSize(1);
	}

	@Test
	void everyOtherEventPassesStraightThroughOnTheCallersThreadInOrder() {
		this.presence.toRoom("general", users("Alex"));
		awaitSent("general", 1);
		this.presence.toRoom("general", users("Alex", "Sam")); // held back
		SystemEvent joined = SystemEvent.joined("general", "Sam", 1L);
		ChatMessage message = new ChatMessage(1, "general", "Sam", "hi", 2L);
		this.presence.toRoom("general", joined);
		this.presence.toRoom("general", message);
		this.presence.toConnection("c1", new ErrorEvent("invalid-message", "no"));

		assertThat(this.sent.toRoom("general")).containsExactly(list(List.of("Alex"), List.of("Alex"), List.of()), joined,
				message);
		assertThat(this.sent.toConnection("c1")).hasSize(1);
	}

	@Test
	void roomCountsAreCoalescedLikeUserLists() {
		RoomsEvent first = new RoomsEvent(List.of(new RoomSummary("general", "General", 1)));
		RoomsEvent last = new RoomsEvent(List.of(new RoomSummary("general", "General", 3)));
		this.presence.toLobby(first);
		Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> this.sent.toLobby().size() == 1);
		this.presence.toLobby(new RoomsEvent(List.of(new RoomSummary("general", "General", 2))));
		this.presence.toLobby(last);

		Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> this.sent.toLobby().size() == 2);
		assertThat(this.sent.toLobby()).containsExactly(first, last);
	}

	private void awaitSent(String room, int lists) {
		Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> this.sent.toRoom(room).size() == lists);
	}

	private static UsersEvent list(List<String> users, List<String> joined, List<String> left) {
		return new UsersEvent("general", users, joined, left);
	}

	/** A room's users as a list names them: sorted, each name once. */
	private static List<String> names(int people) {
		return IntStream.range(0, people).mapToObj((i) -> "User" + i).sorted(String.CASE_INSENSITIVE_ORDER).toList();
	}

	private static UsersEvent crowd(int people) {
		return new UsersEvent("general", Collections.nCopies(people, "x"));
	}

	private static UsersEvent users(String... names) {
		return new UsersEvent("general", List.of(names));
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
