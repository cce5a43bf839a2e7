package io.livechat.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry of one node among several: the other nodes' users, as {@link Presence} reports
 * them, count for names, lists and announcements.
 */
class RoomRegistryInAClusterTest {

	private final RecordingChatEvents events = new RecordingChatEvents();

	private final OtherNodes otherNodes = new OtherNodes();

	private final RoomRegistry registry = new RoomRegistry(
			List.of(new Room("general", "General"), new Room("tech", "Tech")), new InMemoryMessageStore(), this.events,
			this.otherNodes, Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC));

	@Test
	void refusesANameThatAnotherClientHoldsOnAnotherNode() {
		this.otherNodes.holding("general", "Alex", "client-elsewhere");

		assertThatThrownBy(() -> join("c1", "alex", "client-here-1", "general")).isInstanceOfSatisfying(
				ChatException.class, (ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.USERNAME_TAKEN));
		assertThat(residents("general")).isEmpty();
		assertThat(this.events.toRoom("general")).isEmpty();
	}

	@Test
	void aUserAlreadyOnAnotherNodeJoinsHereQuietlyUnderTheNameTheRoomKnows() {
		this.otherNodes.holding("general", "Alex", "client-alex-1");
		this.otherNodes.holding("general", "Sam", "client-sam-22");

		join("c1", "alex", "client-alex-1", "general");

		JoinedEvent joined = (JoinedEvent) this.events.toConnection("c1").get(0);
		assertThat(joined.username()).isEqualTo("Alex");
		assertThat(joined.users()).containsExactly("Alex", "Sam");
		assertThat(this.events.toRoom("general")).as("no second 'joined' for a second tab").isEmpty();
		assertThat(residents("general")).containsExactly(new Resident("Alex", "client-alex-1"));
	}

	@Test
	void aNewcomerIsAnnouncedWithEveryNodesUsers() {
		this.otherNodes.holding("general", "Sam", "client-sam-22");

		join("c1", "Alex", "client-alex-1", "general");

		assertThat(this.events.toRoom("general")).containsExactly(
				new SystemEvent("joined", "general", "Alex", "Alex joined #general", 1_000),
				new UsersEvent("general", List.of("Alex", "Sam")));
		assertThat(this.registry.summaries()).extracting(RoomSummary::users).containsExactly(2, 0);
	}

	@Test
	void leavingThisNodeWhileStillOnAnotherIsNoLeave() {
		join("c1", "Alex", "client-alex-1", "general");
		this.otherNodes.holding("general", "Alex", "client-alex-1"); // a tab on another node too
		this.events.clear();

		this.registry.disconnect("c1");

		assertThat(this.events.toRoom("general")).isEmpty();
		assertThat(residents("general")).isEmpty();
	}

	@Test
	void leavingTheLastNodeIsALeave() {
		join("c1", "Alex", "client-alex-1", "general");
		this.events.clear();

		this.registry.disconnect("c1");

		assertThat(this.events.toRoom("general")).containsExactly(
				new SystemEvent("left", "general", "Alex", "Alex left #general", 1_000), new UsersEvent("general", List.of()));
	}

	private List<Resident> residents(String roomId) {
		List<Resident> residents = new ArrayList<>();
		this.registry.forEachResident(roomId, residents::add);
		return residents;
	}

	private void join(String connectionId, String name, String clientId, String room) {
		this.registry.connect(connectionId);
		this.registry.join(connectionId, name, clientId, room, null);
	}

	/**
	 * The cluster as one map, as Redis holds it: per room, name key to the holding client and the
	 * number of nodes it is connected to (this one included once it claimed).
	 */
	private static final class OtherNodes implements Presence {

		private final Map<String, Map<String, Holder>> rooms = new HashMap<>();

		void holding(String roomId, String name, String clientId) {
			Holder holder = room(roomId).computeIfAbsent(name.toLowerCase(), (key) -> new Holder(name, clientId));
			holder.nodes++;
		}

		@Override
		public Claim claim(String roomId, Username name, String clientId) {
			Holder holder = room(roomId).get(name.key());
			if (holder == null) {
				holding(roomId, name.value(), clientId);
				return new Claim(true, true, name.value());
			}
			if (!holder.clientId.equals(clientId)) {
				return new Claim(false, false, holder.name);
			}
			holder.nodes++;
			return new Claim(true, false, holder.name);
		}

		@Override
		public boolean release(String roomId, String nameKey) {
			Holder holder = room(roomId).get(nameKey);
			if (holder == null || --holder.nodes == 0) {
				room(roomId).remove(nameKey);
				return true;
			}
			return false;
		}

		@Override
		public List<String> known(String roomId, List<String> here) {
			return users(roomId, here); // in memory: nothing to read
		}

		@Override
		public List<String> users(String roomId, List<String> here) {
			TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
			names.addAll(here);
			room(roomId).values().forEach((holder) -> names.add(holder.name));
			return new ArrayList<>(names);
		}

		@Override
		public int count(String roomId, int here) {
			return Math.max(here, room(roomId).size());
		}

		private Map<String, Holder> room(String roomId) {
			return this.rooms.computeIfAbsent(roomId, (id) -> new HashMap<>());
		}

		private static final class Holder {

			private final String name;

			private final String clientId;

			private int nodes;

			Holder(String name, String clientId) {
				this.name = name;
				this.clientId = clientId;
			}

		}

	}

}
