package io.livechat.reads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.livechat.chat.ChatEvent;
import io.livechat.chat.ChatEvents;
import io.livechat.chat.ChatMessage;
import io.livechat.chat.InMemoryMessageStore;
import io.livechat.chat.PublishedMessages;
import io.livechat.chat.ReadPosition;
import io.livechat.chat.ReadPositions;
import io.livechat.chat.ReadsEvent;
import io.livechat.chat.RoomsEvent;
import io.livechat.people.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rounds of read receipts, one at a time: however many read, a room gets one {@code reads}
 * event per round, each person once with their newest position, only people in the room; the
 * audience follows the connection and the setting; unread counts go out only when they change.
 */
class ReadReceiptsTest {

	private final Recorded sent = new Recorded();

	private final InMemoryMessageStore messages = new InMemoryMessageStore();

	private final PublishedMessages published = new PublishedMessages(this.sent);

	private final InMemoryReadPositionStore store = new InMemoryReadPositionStore();

	private final Map<String, List<Person>> members = new HashMap<>();

	private final Map<String, String> audience = new HashMap<>();

	private long now;

	private ReadReceipts receipts;

	@BeforeEach
	void start() {
		this.members.put("general", new ArrayList<>());
		this.members.put("tech", new ArrayList<>());
		this.receipts = new ReadReceipts(List.of("general", "tech"), this.store,
				new NewestIds(this.messages, this.published), (room) -> List.copyOf(this.members.get(room)), this.sent,
				this.audience::put, ReadNotices.NONE,
				ReadsPace.everyRound(Duration.ofMillis(250)), () -> this.now);
		this.receipts.load();
	}

	private void post(String room, int count) {
		for (int i = 0; i < count; i++) {
			ChatMessage message = this.messages.append(room, "Alex", "hello", 0);
			this.published.toRoom(room, message);
		}
	}

	private ReadPositions.Seen enter(String connection, String person, String room) {
		this.members.get(room).add(new Person(person, "name of " + person));
		return this.receipts.entered(connection, person, room, this.members.get(room));
	}

	@Test
	void aThousandReadsInOneRoundAreOneEventNamingEachPersonOnceWithTheirNewest() {
		post("general", 3);
		for (int i = 0; i < 1000; i++) {
			enter("c" + i, "p" + i, "general");
			this.receipts.read("c" + i, "general", 2);
			this.receipts.read("c" + i, "general", 3);
		}

		this.receipts.round();

		List<ReadsEvent> events = this.sent.toRoom("general", ReadsEvent.class);
		assertThat(events).hasSize(1);
		assertThat(events.get(0).reads()).hasSize(1000).allSatisfy((read) -> assertThat(read.lastRead()).isEqualTo(3));
		this.receipts.round();
		assertThat(this.sent.toRoom("general", ReadsEvent.class)).as("nothing moved since").hasSize(1);
	}

	@Test
	void aSmallRoomHearsItsReadsEveryRound() {
		post("general", 3);
		enter("c1", "sam", "general");
		enter("c2", "kim", "general");
		this.receipts.read("c1", "general", 2);
		this.receipts.round();
		this.receipts.read("c2", "general", 3);

		this.now += Duration.ofMillis(250).toNanos();
		this.receipts.round();

		assertThat(this.sent.toRoom("general", ReadsEvent.class)).extracting(ReadsEvent::reads)
			.containsExactly(List.of(new ReadPosition("sam", "name of sam", 2)),
					List.of(new ReadPosition("kim", "name of kim", 3)));
	}

	@Test
	void aBigRoomWaitsForItsPaceThenNamesEveryoneWhoReadMeanwhile() {
		post("general", 3);
		for (int i = 0; i < 200; i++) {
			enter("c" + i, "p" + i, "general");
			this.receipts.read("c" + i, "general", 2);
		}
		this.receipts.round(); // the first event goes out at once
		for (int i = 0; i < 200; i++) {
			this.receipts.read("c" + i, "general", 3);
		}

		this.now += Duration.ofMillis(2999).toNanos(); // 200 people: 3 s between events
		this.receipts.round();
		assertThat(this.sent.toRoom("general", ReadsEvent.class)).hasSize(1);
		this.now += Duration.ofMillis(1).toNanos();
		this.receipts.round();

		List<ReadsEvent> events = this.sent.toRoom("general", ReadsEvent.class);
		assertThat(events).hasSize(2);
		assertThat(events.get(1).reads()).hasSize(200).allSatisfy((read) -> assertThat(read.lastRead()).isEqualTo(3));
	}

	@Test
	void onlyPeopleInTheRoomAreNamedAndAJoinedReplyNamesTheOthersNotYou() {
		post("general", 2);
		enter("c1", "sam", "general");
		this.receipts.read("c1", "general", 2);
		this.members.get("general").clear(); // Sam left before the round

		this.receipts.round();

		assertThat(this.sent.toRoom("general", ReadsEvent.class)).isEmpty();
		ReadPositions.Seen seen = enter("c2", "sam", "general");
		assertThat(seen.lastRead()).isEqualTo(2);
		assertThat(seen.reads()).isEmpty();
		ReadPositions.Seen kims = enter("c3", "kim", "general");
		assertThat(kims.lastRead()).isZero();
		assertThat(kims.reads()).containsExactly(new ReadPosition("sam", "name of sam", 2));
	}

	@Test
	void theAudienceFollowsTheConnectionsRoomAndTheSetting() {
		enter("c1", "sam", "general");
		assertThat(this.audience).containsEntry("c1", "general");
		this.receipts.setReceipts("c1", false);
		assertThat(this.audience).containsEntry("c1", null);
		this.receipts.setReceipts("c1", true);
		assertThat(this.audience).containsEntry("c1", "general");
		this.receipts.left("c1");
		assertThat(this.audience).containsEntry("c1", null);
	}

	@Test
	void unreadCountsGoOutWhenTheyChangeAndNeverForTheConnectionsOwnRoom() {
		post("tech", 5);
		enter("in-tech", "alex", "tech");
		this.receipts.read("in-tech", "tech", 4);
		enter("in-general", "alex", "general");
		this.receipts.replied("in-general");
		assertThat(unread("in-general")).containsExactly(new UnreadEvent(List.of(new UnreadEvent.RoomUnread("tech", 1))));

		this.receipts.round(); // alex moved: told again only if a count changed
		post("tech", 2);
		this.receipts.round();
		this.receipts.round();

		assertThat(unread("in-general")).hasSize(2).last()
			.isEqualTo(new UnreadEvent(List.of(new UnreadEvent.RoomUnread("tech", 3))));
		assertThat(unread("in-tech")).isEmpty();
	}

	private List<UnreadEvent> unread(String connection) {
		return this.sent.toConnection(connection).stream()
			.filter(UnreadEvent.class::isInstance)
			.map(UnreadEvent.class::cast)
			.toList();
	}

	/** What was sent, where. */
	private static final class Recorded implements ChatEvents {

		private final Map<String, List<ChatEvent>> rooms = new HashMap<>();

		private final Map<String, List<ChatEvent>> connections = new HashMap<>();

		@Override
		public synchronized void toRoom(String roomId, ChatEvent event) {
			this.rooms.computeIfAbsent(roomId, (id) -> new ArrayList<>()).add(event);
		}

		@Override
		public synchronized void toConnection(String connectionId, ChatEvent event) {
			this.connections.computeIfAbsent(connectionId, (id) -> new ArrayList<>()).add(event);
		}

		@Override
		public void toLobby(RoomsEvent event) {
		}

		synchronized <T extends ChatEvent> List<T> toRoom(String roomId, Class<T> type) {
			return this.rooms.getOrDefault(roomId, List.of()).stream().filter(type::isInstance).map(type::cast).toList();
		}

		synchronized List<ChatEvent> toConnection(String connectionId) {
			return List.copyOf(this.connections.getOrDefault(connectionId, List.of()));
		}

	}

}
