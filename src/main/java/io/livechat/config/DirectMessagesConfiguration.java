package io.livechat.config;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.livechat.chat.ChatEvents;
import io.livechat.chat.ImageClaims;
import io.livechat.chat.RoomRegistry;
import io.livechat.direct.DirectMessageRoute;
import io.livechat.direct.DirectMessageStore;
import io.livechat.direct.DirectMessages;
import io.livechat.direct.LocalDelivery;
import io.livechat.direct.Mailboxes;
import io.livechat.direct.OnlinePeople;
import io.livechat.people.People;
import io.livechat.people.PeopleInRooms;
import io.livechat.people.Person;
import io.livechat.reads.ReadReceipts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Direct messages, with the store and the people that {@code persistence} provides, delivered
 * through the {@code chatEvents} of {@code stomp}; in a cluster, {@code cluster} provides the
 * {@link DirectMessageRoute} that also tells the other nodes and the {@link OnlinePeople} of
 * every node.
 */
@Configuration(proxyBeanMethods = false)
class DirectMessagesConfiguration {

	/** This node's connections, by the person behind them. */
	@Bean
	Mailboxes mailboxes() {
		return new Mailboxes();
	}

	@Bean
	LocalDelivery localDelivery(Mailboxes mailboxes, @Qualifier("chatEvents") ChatEvents transport) {
		return new LocalDelivery(mailboxes, transport);
	}

	@Bean
	DirectMessages directMessages(DirectMessageStore directMessageStore, People people,
			@Qualifier("chatEvents") ChatEvents transport, Mailboxes mailboxes, LocalDelivery localDelivery,
			ObjectProvider<DirectMessageRoute> clusterRoute, ObjectProvider<OnlinePeople> clusterOnline,
			LiveChatProperties properties, ScheduledExecutorService peerPresenceScheduler, ReadReceipts readReceipts,
			ImageClaims images, RoomRegistry rooms) {
		// someone who joined a moment ago may be written to before their name is stored
		People recipients = new PeopleInRooms(people, (id) -> nameInARoom(rooms, id));
		DirectMessages messages = new DirectMessages(directMessageStore, recipients, transport, mailboxes,
				clusterRoute.getIfAvailable(() -> localDelivery::deliver),
				clusterOnline.getIfAvailable(() -> OnlinePeople.here(mailboxes)), readReceipts::shares, images, Clock.systemUTC(),
				properties.limits().conversationsPerHour());
		messages.startPresence(peerPresenceScheduler, properties.presenceInterval());
		return messages;
	}

	private static Optional<String> nameInARoom(RoomRegistry rooms, String id) {
		return rooms.roomIds()
			.stream()
			.flatMap((room) -> rooms.members(room).stream())
			.filter((member) -> member.id().equals(id))
			.map(Person::name)
			.findFirst();
	}

	/** Tells people when those they have a conversation with come and go (finding them is I/O). */
	@Bean(destroyMethod = "shutdown")
	ScheduledExecutorService peerPresenceScheduler() {
		return Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("chat-peer-presence-"));
	}

}
