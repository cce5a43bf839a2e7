package io.livechat.config;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.livechat.chat.ChatEvents;
import io.livechat.chat.CoalescedPresence;
import io.livechat.chat.MessageStore;
import io.livechat.chat.Presence;
import io.livechat.chat.PublishedMessages;
import io.livechat.chat.ReadPositions;
import io.livechat.chat.RoomRegistry;
import io.livechat.people.PublicIds;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The chat domain: the rooms, with the {@link MessageStore} that {@code persistence} provides.
 * Their events reach this node's clients through {@link CoalescedPresence} and the
 * {@code chatEvents} of {@code stomp}; in a cluster, {@code cluster} provides the
 * {@code roomEvents} that also tell the other nodes, and the {@link Presence} of their users.
 */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

	/** User lists and room counts at most once per interval, read afresh when they go out. */
	@Bean
	CoalescedPresence coalescedPresence(LiveChatProperties properties, @Qualifier("chatEvents") ChatEvents transport,
			ScheduledExecutorService presenceScheduler, ObjectProvider<RoomRegistry> registry) {
		return new CoalescedPresence(transport, presenceScheduler, properties.presenceInterval(), System::nanoTime,
				(snapshot) -> registry.getObject().current(snapshot));
	}

	/** Every message this node's subscribers get passes here, for the histories of joins. */
	@Bean
	PublishedMessages publishedMessages(CoalescedPresence coalescedPresence) {
		return new PublishedMessages(coalescedPresence);
	}

	@Bean
	RoomRegistry roomRegistry(LiveChatProperties properties, MessageStore store, PublishedMessages publishedMessages,
			@Qualifier("roomEvents") ObjectProvider<ChatEvents> roomEvents, ObjectProvider<Presence> presence,
			@Qualifier("roomHandOff") ExecutorService roomHandOff, PublicIds publicIds, ReadPositions readReceipts) {
		return new RoomRegistry(properties.rooms(), store, roomEvents.getIfAvailable(() -> publishedMessages),
				presence.getIfAvailable(() -> Presence.LOCAL), Clock.systemUTC(), properties.announceLimit(), roomHandOff,
				publishedMessages, publicIds, readReceipts);
	}

	/**
	 * Hands stored messages from the store's writer to their rooms: a thread per room up to
	 * four, so that a room whose lock is busy holds up no other room's messages. At most one task
	 * per room is ever queued.
	 */
	@Bean(destroyMethod = "shutdown")
	ExecutorService roomHandOff(LiveChatProperties properties) {
		return Executors.newFixedThreadPool(Math.min(4, Math.max(1, properties.rooms().size())),
				new CustomizableThreadFactory("chat-rooms-"));
	}

	/** Sends the coalesced user lists and room counts. */
	@Bean(destroyMethod = "shutdown")
	ScheduledExecutorService presenceScheduler() {
		return Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("chat-presence-"));
	}

}
