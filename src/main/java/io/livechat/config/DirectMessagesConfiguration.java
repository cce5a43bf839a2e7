package io.livechat.config;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.livechat.chat.ChatEvents;
import io.livechat.direct.DirectMessageStore;
import io.livechat.direct.DirectMessages;
import io.livechat.people.People;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Direct messages, with the store and the people that {@code persistence} provides, delivered
 * through the {@code chatEvents} of {@code stomp}.
 */
@Configuration(proxyBeanMethods = false)
class DirectMessagesConfiguration {

	@Bean
	DirectMessages directMessages(DirectMessageStore directMessageStore, People people,
			@Qualifier("chatEvents") ChatEvents transport, LiveChatProperties properties,
			ScheduledExecutorService peerPresenceScheduler) {
		DirectMessages messages = new DirectMessages(directMessageStore, people, transport, Clock.systemUTC(),
				properties.limits().conversationsPerHour());
		messages.startPresence(peerPresenceScheduler, properties.presenceInterval());
		return messages;
	}

	/** Tells people when those they have a conversation with come and go (finding them is I/O). */
	@Bean(destroyMethod = "shutdown")
	ScheduledExecutorService peerPresenceScheduler() {
		return Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("chat-peer-presence-"));
	}

}
