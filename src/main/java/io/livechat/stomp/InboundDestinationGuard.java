package io.livechat.stomp;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;

/**
 * Lets a client SEND only to the {@code /app} commands and SUBSCRIBE only to the
 * destinations of the contract, with a unique subscription id, no {@code selector} and at most
 * the configured number of subscriptions, and frames with at most {@value #MAX_HEADERS} headers
 * and no commands the chat does not use (transactions, acknowledgements). Anything else (a SEND to {@code /topic/**} or
 * {@code /user/**} to spoof an event, a subscription to someone else's queue or a wildcard)
 * never reaches the broker: the connection gets a STOMP ERROR frame and is closed.
 */
class InboundDestinationGuard implements ChannelInterceptor {

	private static final Logger logger = LoggerFactory.getLogger(InboundDestinationGuard.class);

	/** Headers a legitimate frame needs are few; a frame with more is someone probing. */
	static final int MAX_HEADERS = 32;

	private static final Pattern HEART_BEAT = Pattern.compile("\\d{1,9},\\d{1,9}");

	private final Predicate<String> isRoom;

	private final ConnectionQuotas quotas;

	private final ChatMetrics metrics;

	private final Supplier<MessageChannel> clientOutboundChannel;

	InboundDestinationGuard(Predicate<String> isRoom, ConnectionQuotas quotas, ChatMetrics metrics,
			Supplier<MessageChannel> clientOutboundChannel) {
		this.isRoom = isRoom;
		this.quotas = quotas;
		this.metrics = metrics;
		this.clientOutboundChannel = clientOutboundChannel;
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (stomp == null || stomp.getCommand() == null) {
			return message;
		}
		String destination = stomp.getDestination();
		String sessionId = stomp.getSessionId();
		String refusal = (headerCount(stomp) > MAX_HEADERS) ? "Too many headers" : switch (stomp.getCommand()) {
			case SEND -> Destinations.COMMANDS.contains(destination) ? null
					: "SEND is allowed only to /app/join, /app/send, /app/leave, /app/typing, /app/dm, "
							+ "/app/conversations, /app/dm-history, /app/dm-read, /app/block, /app/read and /app/preferences";
			case SUBSCRIBE -> refuseSubscription(stomp, sessionId, destination);
			case UNSUBSCRIBE -> {
				this.quotas.unsubscribe(sessionId, stomp.getSubscriptionId());
				yield null;
			}
			case CONNECT, STOMP -> isValidHeartBeat(stomp.getFirstNativeHeader("heart-beat")) ? null
					: "heart-beat must be two whole numbers of milliseconds, like 10000,10000";
			case DISCONNECT -> null;
			// no transactions or acknowledgements here, and nothing a server sends
			default -> "Unsupported command " + stomp.getCommand();
		};
		if (refusal == null) {
			return message;
		}
		logger.warn("Refused {} to '{}' from session {}: {}", stomp.getCommand(),
				StompErrorReporter.printable(destination), sessionId, refusal);
		this.metrics.rejected("destination");
		sendErrorAndClose(sessionId, refusal);
		return null;
	}

	private static boolean isValidHeartBeat(String heartBeat) {
		return heartBeat == null || HEART_BEAT.matcher(heartBeat).matches();
	}

	private static int headerCount(StompHeaderAccessor stomp) {
		Map<String, List<String>> headers = stomp.toNativeHeaderMap();
		return headers.values().stream().mapToInt(List::size).sum();
	}

	private String refuseSubscription(StompHeaderAccessor stomp, String sessionId, String destination) {
		if (!isSubscribable(destination)) {
			return "SUBSCRIBE is allowed only to /user/queue/events, /topic/rooms and /topic/{room}";
		}
		if (stomp.getFirstNativeHeader("selector") != null) {
			return "Subscriptions with a selector are not supported";
		}
		if (!this.quotas.trySubscribe(sessionId, stomp.getSubscriptionId())) {
			return "Subscription ids must be unique, and a connection may hold only a few subscriptions";
		}
		return null;
	}

	private boolean isSubscribable(String destination) {
		if (destination == null) {
			return false;
		}
		if (destination.equals(Destinations.USER_EVENTS) || destination.equals(Destinations.ROOMS)) {
			return true;
		}
		return destination.startsWith(Destinations.TOPIC_PREFIX)
				&& this.isRoom.test(destination.substring(Destinations.TOPIC_PREFIX.length()));
	}

	/** An ERROR frame to the client; Spring closes the WebSocket after sending it. */
	private void sendErrorAndClose(String sessionId, String reason) {
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		error.setMessage(reason);
		error.setSessionId(sessionId);
		this.clientOutboundChannel.get().send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
	}

}
