package io.livechat.direct;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.livechat.chat.ChatException;
import io.livechat.chat.ErrorCode;
import io.livechat.people.InMemoryPeople;
import io.livechat.people.Person;
import io.livechat.people.PublicIds;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The direct messages service on one node, with the in-memory store and people, a fixed clock,
 * and a presence scheduler whose interval elapses when a test says so.
 */
class DirectMessagesTest {

	private static final PublicIds IDS = new PublicIds("a secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8));

	private static final Person ALEX = new Person(IDS.of("alex-client"), "Alex");

	private static final Person SAM = new Person(IDS.of("sam-client"), "Sam");

	private static final Person KIM = new Person(IDS.of("kim-client"), "Kim");

	private static final Person LEE = new Person(IDS.of("lee-client"), "Lee");

	private static final Person JO = new Person(IDS.of("jo-client"), "Jo");

	private static final int CONVERSATIONS_PER_HOUR = 2;

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC);

	private final InMemoryDirectMessageStore store = new InMemoryDirectMessageStore();

	private final InMemoryPeople people = new InMemoryPeople();

	private final RecordingEvents events = new RecordingEvents();

	private final ManualScheduler scheduler = new ManualScheduler();

	private final DirectMessages messages = new DirectMessages(this.store, this.people, this.events, CLOCK,
			CONVERSATIONS_PER_HOUR);

	@BeforeEach
	void startPresence() {
		this.messages.startPresence(this.scheduler, Duration.ofMillis(250));
		List.of(ALEX, SAM, KIM, LEE, JO).forEach(this.people::remember); // each has joined once
	}

	@AfterEach
	void stopScheduler() {
		this.scheduler.shutdownNow();
	}

	@Nested
	class BeforeJoining {

		@Test
		void everyCommandOfAConnectionThatHasNotJoinedIsRefusedAsNotJoined() {
			DirectMessagesTest.this.messages.connected("anonymous-tab");

			assertRefused(() -> DirectMessagesTest.this.messages.send("anonymous-tab", SAM.id(), "hi"), ErrorCode.NOT_JOINED);
			assertRefused(() -> DirectMessagesTest.this.messages.conversations("anonymous-tab"), ErrorCode.NOT_JOINED);
			assertRefused(() -> DirectMessagesTest.this.messages.history("anonymous-tab", SAM.id(), null, null, null),
					ErrorCode.NOT_JOINED);
			assertRefused(() -> DirectMessagesTest.this.messages.read("anonymous-tab", SAM.id(), 1), ErrorCode.NOT_JOINED);
			assertRefused(() -> DirectMessagesTest.this.messages.block("anonymous-tab", SAM.id(), true),
					ErrorCode.NOT_JOINED);
			assertThat(DirectMessagesTest.this.events.to("anonymous-tab")).isEmpty();
			assertThat(DirectMessagesTest.this.store.peersOf(SAM.id())).isEmpty();
		}

		@Test
		void theSameConnectionMayWriteOnceItHasJoined() {
			DirectMessagesTest.this.messages.connected("alex-tab");
			assertRefused(() -> DirectMessagesTest.this.messages.send("alex-tab", SAM.id(), "too early"),
					ErrorCode.NOT_JOINED);

			DirectMessagesTest.this.messages.joined("alex-tab", ALEX);
			DirectMessagesTest.this.messages.send("alex-tab", SAM.id(), "hi Sam");

			assertThat(DirectMessagesTest.this.events.to("alex-tab", DirectMessage.class)).singleElement()
				.satisfies((message) -> {
					assertThat(message.id()).isEqualTo(1);
					assertThat(message.from()).isEqualTo(ALEX);
					assertThat(message.to()).isEqualTo(SAM);
					assertThat(message.text()).isEqualTo("hi Sam");
					assertThat(message.timestamp()).isEqualTo(CLOCK.millis());
				});
		}

		@Test
		void aClosedConnectionHasNoIdentityAnyMore() {
			join("alex-tab", ALEX);
			DirectMessagesTest.this.messages.disconnected("alex-tab");

			assertRefused(() -> DirectMessagesTest.this.messages.send("alex-tab", SAM.id(), "hi"), ErrorCode.NOT_JOINED);
		}

	}

	@Nested
	class NewConversations {

		@BeforeEach
		void alexJoins() {
			join("alex-tab", ALEX);
		}

		@Test
		void aNewConversationBeyondTheHourlyLimitIsRateLimitedAndNotStored() {
			send("alex-tab", SAM, "hi Sam");
			send("alex-tab", KIM, "hi Kim");

			assertRefused(() -> send("alex-tab", LEE, "hi Lee"), ErrorCode.RATE_LIMITED);

			assertThat(DirectMessagesTest.this.store.exists(between(ALEX, LEE))).isFalse();
			assertThat(DirectMessagesTest.this.events.to("alex-tab", DirectMessage.class)).extracting(DirectMessage::text)
				.containsExactly("hi Sam", "hi Kim");
		}

		@Test
		void writingAgainInAConversationOneStartedIsNoNewStart() {
			send("alex-tab", SAM, "hi Sam");
			send("alex-tab", KIM, "hi Kim");

			send("alex-tab", SAM, "are you there?");
			send("alex-tab", KIM, "and you?");
			send("alex-tab", SAM, "hello?");

			assertThat(DirectMessagesTest.this.store.page(between(ALEX, SAM), ALEX.id(), null, null, 50).messages())
				.extracting(DirectMessage::id)
				.containsExactly(1L, 2L, 3L);
		}

		@Test
		void answeringSomeoneWhoWroteFirstIsNoNewStart() {
			join("sam-tab", SAM);
			join("kim-tab", KIM);
			join("lee-tab", LEE);
			send("sam-tab", ALEX, "hi Alex, Sam here");
			send("kim-tab", ALEX, "hi Alex, Kim here");
			send("lee-tab", ALEX, "hi Alex, Lee here");

			send("alex-tab", SAM, "hi Sam");
			send("alex-tab", KIM, "hi Kim");
			send("alex-tab", LEE, "hi Lee");

			assertThat(DirectMessagesTest.this.events.to("lee-tab", DirectMessage.class)).extracting(DirectMessage::text)
				.containsExactly("hi Alex, Lee here", "hi Lee");
		}

		@Test
		void eachPersonHasAnAllowanceOfTheirOwn() {
			join("sam-tab", SAM);
			send("alex-tab", KIM, "hi Kim");
			send("alex-tab", LEE, "hi Lee");

			send("sam-tab", KIM, "hi Kim, Sam here");
			send("sam-tab", LEE, "hi Lee, Sam here");

			assertThat(DirectMessagesTest.this.store.peersOf(SAM.id())).containsExactlyInAnyOrder(KIM.id(), LEE.id());
		}

	}

	@Nested
	class Presence {

		@BeforeEach
		void samAndAlexHaveAConversationAndSamIsHere() {
			join("sam-tab", SAM);
			DirectMessagesTest.this.store.append(between(ALEX, SAM), SAM, ALEX, "hi Alex", CLOCK.millis(), false,
					new DirectMessageStore.Stored() {
						@Override
						public void stored(DirectMessage message) {
						}

						@Override
						public void failed(ChatException reason) {
							throw new AssertionError(reason);
						}
					});
			join("kim-tab", KIM); // has no conversation with Alex
			intervalElapses();
			DirectMessagesTest.this.events.clear();
		}

		@Test
		void aPersonsFirstConnectionTellsThoseTheyTalkWithThatTheyAreOnlineWhenTheIntervalElapses() {
			join("alex-tab", ALEX);
			assertThat(presenceTo("sam-tab")).as("before the interval elapses").isEmpty();

			intervalElapses();

			assertThat(presenceTo("sam-tab")).containsExactly(new PresenceEvent(ALEX.id(), true));
			assertThat(presenceTo("kim-tab")).isEmpty();
			assertThat(presenceTo("alex-tab")).isEmpty();
		}

		@Test
		void aSecondTabTellsNobody() {
			join("alex-tab", ALEX);
			intervalElapses();

			join("alex-second-tab", ALEX);
			intervalElapses();

			assertThat(presenceTo("sam-tab")).containsExactly(new PresenceEvent(ALEX.id(), true));
		}

		@Test
		void closingOneOfTwoTabsTellsNobodyAndClosingTheLastTellsThatTheyAreOffline() {
			join("alex-tab", ALEX);
			join("alex-second-tab", ALEX);
			intervalElapses();
			DirectMessagesTest.this.events.clear();

			DirectMessagesTest.this.messages.disconnected("alex-tab");
			intervalElapses();
			assertThat(presenceTo("sam-tab")).isEmpty();

			DirectMessagesTest.this.messages.disconnected("alex-second-tab");
			intervalElapses();
			assertThat(presenceTo("sam-tab")).containsExactly(new PresenceEvent(ALEX.id(), false));
		}

		@Test
		void aDisconnectDeliveredTwiceTellsOnce() {
			join("alex-tab", ALEX);
			intervalElapses();
			DirectMessagesTest.this.events.clear();

			DirectMessagesTest.this.messages.disconnected("alex-tab");
			intervalElapses();
			DirectMessagesTest.this.messages.disconnected("alex-tab");
			intervalElapses();

			assertThat(presenceTo("sam-tab")).containsExactly(new PresenceEvent(ALEX.id(), false));
		}

		@Test
		void comingAndGoingWithinOneIntervalIsOneEventWithTheNewestState() {
			join("alex-tab", ALEX);
			DirectMessagesTest.this.messages.disconnected("alex-tab");

			intervalElapses();

			assertThat(presenceTo("sam-tab")).containsExactly(new PresenceEvent(ALEX.id(), false));
		}

		@Test
		void aConnectionThatNeverJoinsTellsNobody() {
			DirectMessagesTest.this.messages.connected("lurking-tab");
			DirectMessagesTest.this.messages.disconnected("lurking-tab");

			intervalElapses();

			assertThat(presenceTo("sam-tab")).isEmpty();
		}

		@Test
		void aJoinBringsThePersonTheirConversationsWithWhetherEachPeerIsOnline() {
			join("alex-tab", ALEX);

			assertThat(DirectMessagesTest.this.events.to("alex-tab", ConversationsEvent.class)).singleElement()
				.satisfies((list) -> assertThat(list.conversations()).singleElement().satisfies((entry) -> {
					assertThat(entry.with()).isEqualTo(new Peer(SAM.id(), "Sam", true));
					assertThat(entry.unread()).isEqualTo(1);
					assertThat(entry.last().text()).isEqualTo("hi Alex");
				}));
		}

		private List<PresenceEvent> presenceTo(String connection) {
			return DirectMessagesTest.this.events.to(connection, PresenceEvent.class);
		}

	}

	private void join(String connection, Person person) {
		this.messages.connected(connection);
		this.messages.joined(connection, person);
	}

	private void send(String connection, Person to, String text) {
		this.messages.send(connection, to.id(), text);
	}

	private void intervalElapses() {
		this.scheduler.intervalElapses();
	}

	private static Conversation between(Person one, Person other) {
		return Conversation.between(one.id(), other.id());
	}

	private static void assertRefused(ThrowingCallable command, ErrorCode code) {
		assertThatThrownBy(command).isInstanceOfSatisfying(ChatException.class,
				(ex) -> assertThat(ex.code()).isEqualTo(code));
	}

	/** Runs what is scheduled at a fixed delay only when a test says the interval has elapsed. */
	private static final class ManualScheduler extends ScheduledThreadPoolExecutor {

		private final List<Runnable> repeated = new ArrayList<>();

		ManualScheduler() {
			super(1);
		}

		@Override
		public synchronized ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
				TimeUnit unit) {
			this.repeated.add(command);
			return schedule(() -> {
			}, 365, TimeUnit.DAYS); // a future to cancel; the command itself never runs on its own
		}

		synchronized void intervalElapses() {
			this.repeated.forEach(Runnable::run);
		}

	}

}
