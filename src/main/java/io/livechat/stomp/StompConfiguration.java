package io.livechat.stomp;

import io.livechat.chat.ChatEvents;
import io.livechat.chat.RoomRegistry;
import io.livechat.config.LiveChatProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.SimpMessageSendingOperations;

/**
 * The beans behind the STOMP endpoints: event delivery, rate limits and connection tracking.
 */
@Configuration(proxyBeanMethods = false)
class StompConfiguration {

	@Bean
	StompChatEvents chatEvents(SimpMessageSendingOperations messaging) {
		return new StompChatEvents(messaging);
	}

	@Bean
	ConnectionQuotas connectionQuotas(LiveChatProperties properties) {
		return new ConnectionQuotas(properties.limits(), System::nanoTime);
	}

	@Bean
	ConnectionLifecycle connectionLifecycle(RoomRegistry rooms, ConnectionQuotas quotas) {
		return new ConnectionLifecycle(rooms, quotas);
	}

}
