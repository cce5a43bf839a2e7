package io.livechat.config;

import java.time.Clock;

import io.livechat.chat.ChatEvents;
import io.livechat.chat.MessageStore;
import io.livechat.chat.RoomRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The chat domain: the rooms, with the {@link MessageStore} that {@code persistence} provides.
 */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

	@Bean
	RoomRegistry roomRegistry(LiveChatProperties properties, MessageStore store, ChatEvents events) {
		return new RoomRegistry(properties.rooms(), store, events, Clock.systemUTC());
	}

}
