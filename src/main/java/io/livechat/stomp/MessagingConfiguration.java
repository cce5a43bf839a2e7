package io.livechat.stomp;

import io.livechat.broker.ChatBroker;
import io.livechat.broker.Connections;
import io.livechat.config.LiveChatProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.user.UserDestinationResolver;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.config.annotation.DelegatingWebSocketMessageBrokerConfiguration;

/**
 * Spring's WebSocket message broker configuration (what {@code @EnableWebSocketMessageBroker}
 * imports, applying every {@code WebSocketMessageBrokerConfigurer} such as
 * {@link WebSocketConfiguration}), with the {@link ChatBroker} in place of the simple broker:
 * {@code SimpMessagingTemplate} publishes to it through {@code brokerChannel}, which has no
 * executor, so publishing is synchronous and keeps each room's order.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration extends DelegatingWebSocketMessageBrokerConfiguration {

	private final Connections connections;

	private final LiveChatProperties properties;

	private final ChatMetrics metrics;

	private final TaskScheduler scheduler;

	MessagingConfiguration(Connections connections, LiveChatProperties properties, ChatMetrics metrics,
			@Lazy TaskScheduler messageBrokerTaskScheduler) {
		this.connections = connections;
		this.properties = properties;
		this.metrics = metrics;
		this.scheduler = messageBrokerTaskScheduler;
	}

	@Override
	@Bean
	public AbstractBrokerMessageHandler simpleBrokerMessageHandler(AbstractSubscribableChannel clientInboundChannel,
			AbstractSubscribableChannel clientOutboundChannel, AbstractSubscribableChannel brokerChannel,
			UserDestinationResolver userDestinationResolver) {
		long heartbeat = this.properties.heartbeat().toMillis();
		ChatBroker broker = new ChatBroker(clientInboundChannel, clientOutboundChannel, brokerChannel,
				this.connections, new long[] { heartbeat, heartbeat }, () -> this.scheduler, (destination, nanos,
						recipients) -> {
					if (Destinations.isRoom(destination)) {
						this.metrics.broadcast(nanos, recipients);
					}
					else {
						this.metrics.delivered(recipients);
					}
				});
		// user destinations (/user/queue/events) are the resolver's, which hands them on resolved
		broker.setUserDestinationPredicate((destination) -> destination.startsWith(Destinations.USER_PREFIX + "/"));
		broker.setPhase(getPhase());
		return broker;
	}

}
