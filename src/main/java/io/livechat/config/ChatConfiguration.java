package io.livechat.config;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.livechat.chat.ChatEvents;
import io.livechat.chat.CoalescedPresence;
import io.livechat.chat.MessageStore;
import io.livechat.chat.Presence;
import io.livechat.chat.RoomRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The chat domain: the rooms, with the {@link MessageStore} that {@code persistence} provides,
 * delivering through the {@link ChatEvents} of {@code stomp} (or of {@code cluster}, which also
 * provides the {@link Presence} of other nodes).
 */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

	@Bean
	RoomRegistry roomRegistry(LiveChatProperties properties, MessageStore store, ChatEvents events,
			ObjectProvider<Presence> presence, ScheduledExecutorService presenceScheduler) {
		ChatEvents coalesced = new CoalescedPresence(events, presenceScheduler, properties.presenceInterval(),
				System::nanoTime);
		return new RoomRegistry(properties.rooms(), store, coalesced, presence.getIfAvailable(() -> Presence.LOCAL),
				Clock.systemUTC());
	}

	/** Sends the coalesced user lists and room counts. */
	@Bean(destroyMethod = "shutdown")
	ScheduledExecutorService presenceScheduler() {
		return Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("chat-presence-"));
	}

}
