package io.livechat.stomp;

import io.livechat.chat.ChatEvents;
import io.livechat.chat.RoomRegistry;
import io.livechat.config.LiveChatProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The beans behind the STOMP endpoints: event delivery, rate limits and connection tracking.
 */
@Configuration(proxyBeanMethods = false)
class StompConfiguration {

	@Bean
	StompChatEvents chatEvents(SimpMessageSendingOperations messaging, ChatMetrics metrics) {
		return new StompChatEvents(messaging, metrics);
	}

	@Bean
	ChatMetrics chatMetrics(MeterRegistry registry) {
		return new ChatMetrics(registry);
	}

	@Bean
	ConnectionQuotas connectionQuotas(LiveChatProperties properties) {
		return new ConnectionQuotas(properties.limits(), System::nanoTime);
	}

	@Bean
	ConnectionGuard connectionGuard(LiveChatProperties properties, ChatMetrics metrics) {
		var limits = properties.limits();
		return new ConnectionGuard(limits.maxConnections(), limits.connectTimeout(), limits.idleTimeout(),
				limits.sendTimeLimit(), limits.frames(), System::nanoTime, metrics);
	}

	@Bean
	ConnectionLifecycle connectionLifecycle(RoomRegistry rooms, ConnectionQuotas quotas, ConnectionGuard guard,
			@Lazy TaskScheduler messageBrokerTaskScheduler) {
		return new ConnectionLifecycle(rooms, quotas, guard, messageBrokerTaskScheduler);
	}

	/**
	 * The container's own idle limit, a backstop behind {@link ConnectionGuard}'s: it closes a
	 * WebSocket with no traffic either way.
	 */
	@Bean
	ServletServerContainerFactoryBean webSocketContainer(LiveChatProperties properties) {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxSessionIdleTimeout(properties.limits().idleTimeout().multipliedBy(2).toMillis());
		container.setAsyncSendTimeout(properties.limits().sendTimeLimit().toMillis());
		return container;
	}

}
