package io.livechat.stomp;

import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

import io.livechat.chat.Room;
import io.livechat.config.LiveChatProperties;
import io.livechat.broker.Connections;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeHandler;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * STOMP over WebSocket at {@code /ws} and over SockJS at {@code /sockjs}: Spring's STOMP handling
 * for frames from clients, the {@code /app} commands for the controllers, and the
 * {@link io.livechat.broker.ChatBroker} (installed by {@link MessagingConfiguration}) for
 * {@code /topic} and {@code /queue}.
 */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

	static final String WEBSOCKET_ENDPOINT = "/ws";

	static final String SOCKJS_ENDPOINT = "/sockjs";

	private static final int CORES = Runtime.getRuntime().availableProcessors();

	/** Inbound work is CPU-bound: one thread per core. */
	private static final int INBOUND_THREADS = Math.max(2, CORES);

	/**
	 * The outbound channel carries only what the broker says (CONNECTED, heart-beats, RECEIPT,
	 * ERROR); chat events go from the broker straight to each connection's outbox. Its sends only
	 * queue, never block.
	 */
	private static final int OUTBOUND_THREADS = 2;

	private final LiveChatProperties properties;

	private final ObjectProvider<MessageChannel> clientOutboundChannel;

	private final ConnectionQuotas quotas;

	private final ConnectionGuard connectionGuard;

	private final ChatMetrics metrics;

	private final Connections connections;

	private final SockJsSessions sockJsSessions;

	private final Receipts receipts;

	private final HandshakeHandler handshakeHandler;

	WebSocketConfiguration(LiveChatProperties properties, @Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutboundChannel,
			ConnectionQuotas quotas, ConnectionGuard connectionGuard, ChatMetrics metrics, Connections connections,
			SockJsSessions sockJsSessions, HandshakeHandler handshakeHandler) {
		this.properties = properties;
		this.clientOutboundChannel = clientOutboundChannel;
		this.quotas = quotas;
		this.connectionGuard = connectionGuard;
		this.metrics = metrics;
		this.connections = connections;
		this.sockJsSessions = sockJsSessions;
		this.receipts = new Receipts(clientOutboundChannel::getObject);
		this.handshakeHandler = handshakeHandler;
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		// Cross-Site WebSocket Hijacking: a page on another origin must not open a socket with
		// the visitor's cookies. The page's own origin is always allowed; a client that sends no
		// Origin (not a browser) is not subject to it.
		String[] origins = this.properties.allowedOrigins().toArray(String[]::new);
		registry.addEndpoint(WEBSOCKET_ENDPOINT)
			.setAllowedOriginPatterns(origins)
			.setHandshakeHandler(this.handshakeHandler)
			.addInterceptors(new RecordClientAddress());
		registry.addEndpoint(SOCKJS_ENDPOINT)
			.setAllowedOriginPatterns(origins)
			.addInterceptors(new RecordClientAddress(), this.sockJsSessions.tokenInterceptor())
			.withSockJS()
			// served by this application, not a CDN: the page's Content-Security-Policy allows only 'self'
			.setClientLibraryUrl("/webjars/sockjs-client/dist/sockjs.min.js")
			// bounded, one WARN line per broken frame (no stack trace)
			.setMessageCodec(new SockJsFrameCodec(this.properties.limits().maxRequestSize().toBytes(), this.metrics))
			// one WebSocket per SockJS session id
			.setTransportHandlerOverrides(new SockJsWebSocketTransport(this.handshakeHandler, this.metrics));
		// Frames of one connection are handled one after another, in the order they arrived:
		// a join is done before the send that follows it.
		registry.setPreserveReceiveOrder(true);
		registry.setErrorHandler(new StompErrorReporter(this.metrics));
	}

	/**
	 * Start after and stop before the web server (its graceful shutdown runs at
	 * {@code DEFAULT_PHASE - 1024}): on SIGTERM every STOMP session is closed with 1001 (going
	 * away) while the server can still send that close frame, so clients reconnect at once.
	 */
	@Override
	public Integer getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 512;
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		registry.setApplicationDestinationPrefixes(Destinations.APPLICATION_PREFIX);
		registry.setUserDestinationPrefix(Destinations.USER_PREFIX);
		// The broker is the ChatBroker (MessagingConfiguration): it answers CONNECT, offers
		// heart-beats both ways and closes a connection whose heart-beats stop (that is how a
		// vanished client, with no FIN and no DISCONNECT, is noticed and leaves its room), holds
		// the subscriptions and delivers every event. No executor for the broker channel: a
		// publisher's convertAndSend delivers on its own thread, in its order.
		// The outbound channel is a thread pool: without this, a heart-beat or RECEIPT could
		// overtake the CONNECTED frame. (Chat events keep their order in each connection's outbox.)
		registry.setPreservePublishOrder(true);
	}

	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		// The STOMP decoder buffers at most this much of an incomplete frame; a larger frame gets
		// an ERROR frame and the connection is closed.
		registration.setMessageSizeLimit((int) this.properties.limits().maxFrameSize().toBytes());
		// Take WebSocket messages in parts, as the container reads them, so the container's
		// per-connection buffer stays small (its default) instead of holding a whole maximal frame
		// for every idle connection. The STOMP decoder joins the parts and enforces the limit.
		registration.addDecoratorFactory(PartialMessages::new);
		// every session gets an outbox: its queue of frames, which Spring's STOMP handler writes through
		registration.addDecoratorFactory(this.connections::decorate);
		registration.addDecoratorFactory(this.connectionGuard::decorate);
		// outermost: behind it, a SockJS session is known by an id of the server's making, never
		// by the one its client chose
		registration.addDecoratorFactory(this.sockJsSessions::decorate);
		// A client that does not read (a stalled or hostile one) must not hold its messages, or a
		// thread, for long: past either limit the connection is closed and its buffer dropped.
		var limits = this.properties.limits();
		registration.setSendTimeLimit((int) limits.sendTimeLimit().toMillis());
		registration.setSendBufferSizeLimit((int) limits.sendBufferSize().toBytes());
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		// Bounded: under a flood, frames beyond the queue are refused instead of piling up.
		ThreadPoolTaskExecutor executor = channelExecutor("chat-inbound-", INBOUND_THREADS);
		executor.setQueueCapacity(this.properties.limits().inboundQueue());
		executor.setRejectedExecutionHandler((task, pool) -> {
			this.metrics.rejected("inbound-queue-full");
			throw new RejectedExecutionException("The inbound queue is full");
		});
		registration.executor(executor);
		registration.interceptors(
				new InboundDestinationGuard(roomIds()::contains, this.quotas, this.metrics,
						this.clientOutboundChannel::getObject),
				this.receipts);
	}

	@Override
	public void configureClientOutboundChannel(ChannelRegistration registration) {
		registration.executor(channelExecutor("chat-outbound-", OUTBOUND_THREADS));
	}

	private Set<String> roomIds() {
		return this.properties.rooms().stream().map(Room::id).collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * A pool for a client channel. Spring exposes it as a bean, which starts and stops it. It
	 * replaces Boot's shared application executor, so chat traffic has threads of its own.
	 */
	private static ThreadPoolTaskExecutor channelExecutor(String threadNamePrefix, int threads) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix(threadNamePrefix);
		executor.setCorePoolSize(threads);
		executor.setMaxPoolSize(threads);
		executor.setAllowCoreThreadTimeOut(true);
		return executor;
	}

	private static final class PartialMessages extends WebSocketHandlerDecorator {

		PartialMessages(WebSocketHandler delegate) {
			super(delegate);
		}

		@Override
		public boolean supportsPartialMessages() {
			return true;
		}

	}

}
