package io.livechat.stomp;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.livechat.chat.RoomRegistry;
import io.livechat.config.LiveChatProperties;
import io.livechat.direct.DirectMessages;
import io.livechat.reads.ReceiptAudience;
import io.livechat.broker.Connections;
import io.livechat.broker.Writers;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Lazy;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.scheduling.TaskScheduler;

/**
 * The beans behind the STOMP endpoints: event delivery, rate limits and connection tracking.
 */
@Configuration(proxyBeanMethods = false)
class StompConfiguration {

	@Bean
	StompChatEvents chatEvents(@Lazy SimpMessageSendingOperations brokerMessagingTemplate) {
		return new StompChatEvents(brokerMessagingTemplate);
	}

	/** A connection hears the {@code reads} of the room it is in, through its broker audience. */
	@Bean
	ReceiptAudience receiptAudience(Connections connections) {
		return (connectionId, roomId) -> connections.setAudience(connectionId,
				(roomId != null) ? Destinations.room(roomId) : null);
	}

	@Bean
	Connections connections(Writers socketWriters, @Qualifier("sockJsWriters") Executor sockJsWriters,
			LiveChatProperties properties, ChatMetrics metrics) {
		return new Connections(socketWriters, sockJsWriters, (int) properties.limits().sendBufferSize().toBytes(),
				metrics::slowConsumerDropped);
	}

	/**
	 * The threads that hand frames to the sockets, one per core: they never wait on a socket
	 * (writes that do not fit are finished by the container later), so no more are needed.
	 */
	@Bean(destroyMethod = "close")
	Writers socketWriters() {
		return new Writers(Math.max(1, Runtime.getRuntime().availableProcessors()));
	}

	/**
	 * SockJS sessions can only be written with a blocking send: a few threads of their own, so a
	 * stalled SockJS client holds one of them (until it is dropped) and never a WebSocket's
	 * delivery. At most one task per connection is queued, so the queue is bounded by the
	 * connection limit.
	 */
	@Bean(destroyMethod = "shutdown")
	ExecutorService sockJsWriters() {
		return Executors.newFixedThreadPool(4, new CustomizableThreadFactory("chat-sockjs-writer-"));
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
		return new ConnectionGuard(properties.limits(), System::nanoTime, metrics);
	}

	@Bean
	SockJsSessions sockJsSessions() {
		return new SockJsSessions();
	}

	/** Every request to a SockJS session over HTTP comes from the client that opened it. */
	@Bean
	FilterRegistrationBean<SockJsOwnershipFilter> sockJsOwnership(SockJsSessions sessions, ChatMetrics metrics) {
		var registration = new FilterRegistrationBean<>(
				new SockJsOwnershipFilter(WebSocketConfiguration.SOCKJS_ENDPOINT, sessions, metrics));
		registration.addUrlPatterns(WebSocketConfiguration.SOCKJS_ENDPOINT + "/*");
		return registration;
	}

	@Bean
	ConnectionLifecycle connectionLifecycle(RoomRegistry rooms, DirectMessages directMessages, ConnectionQuotas quotas,
			ConnectionGuard guard, Connections connections, LiveChatProperties properties,
			@Lazy TaskScheduler messageBrokerTaskScheduler) {
		return new ConnectionLifecycle(rooms, directMessages, quotas, guard, connections,
				properties.limits().sendTimeLimit(), messageBrokerTaskScheduler);
	}

}
