package io.livechat.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.livechat.chat.ChatEvent;
import io.livechat.chat.ChatEvents;
import io.livechat.chat.ChatException;
import io.livechat.chat.RoomsEvent;
import io.livechat.direct.Conversation;
import io.livechat.direct.DirectMessage;
import io.livechat.direct.DirectMessageStore.Stored;
import io.livechat.direct.DirectMessages;
import io.livechat.people.InMemoryPeople;
import io.livechat.people.Person;
import io.livechat.people.PublicIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;

/** The direct messages service over the JDBC store, whose commits come after the send returns. */
class DirectMessagesOnJdbcStoreTest {

	private static final PublicIds IDS = new PublicIds("a secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8));

	private static final Person ALEX = new Person(IDS.of("alex-client"), "Alex");

	private static final Person SAM = new Person(IDS.of("sam-client"), "Sam");

	private static final Person KIM = new Person(IDS.of("kim-client"), "Kim");

	private static final Person LEE = new Person(IDS.of("lee-client"), "Lee");

	private static final Person JO = new Person(IDS.of("jo-client"), "Jo");

	private TestDatabase database;

	private JdbcDirectMessageStore store;

	@BeforeEach
	void open() throws Exception {
		this.database = TestDatabase.h2();
		this.store = new JdbcDirectMessageStore(this.database.dataSource());
	}

	@AfterEach
	void close() throws Exception {
		this.store.close();
		this.database.close();
	}

	@Test
	void aSecondMessageSentBeforeTheFirstIsCommittedIsNoNewConversation() throws Exception {
		InMemoryPeople people = new InMemoryPeople();
		java.util.List.of(ALEX, SAM, KIM).forEach(people::remember);
		DirectMessages messages = new DirectMessages(this.store, people, new Ignored(), Clock.systemUTC(), 2);
		messages.connected("alex-tab");
		messages.joined("alex-tab", ALEX);
		CountDownLatch writerHeld = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		this.store.append(Conversation.between(LEE.id(), JO.id()), LEE, JO, "elsewhere", 1, false, new Stored() {
			@Override
			public void stored(DirectMessage message) { // the writer is busy a moment, as under load
				writerHeld.countDown();
				try {
					release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}

			@Override
			public void failed(ChatException reason) {
			}
		});
		writerHeld.await(10, TimeUnit.SECONDS);
		try {
			messages.send("alex-tab", SAM.id(), "hi Sam");
			messages.send("alex-tab", SAM.id(), "are you there?");

			assertThatCode(() -> messages.send("alex-tab", KIM.id(), "hi Kim"))
				.as("Alex has started two conversations, the limit")
				.doesNotThrowAnyException();
		}
		finally {
			release.countDown();
		}
	}

	private static final class Ignored implements ChatEvents {

		@Override
		public void toRoom(String roomId, ChatEvent event) {
		}

		@Override
		public void toConnection(String connectionId, ChatEvent event) {
		}

		@Override
		public void toLobby(RoomsEvent event) {
		}

	}

}
