package io.livechat.stomp;

import io.livechat.fanout.Fanout;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;

/**
 * Hands SUBSCRIBE and UNSUBSCRIBE frames, once the {@link InboundDestinationGuard} has let them
 * through, to the {@link Fanout}, which delivers every event, and answers their receipts; the
 * broker never sees them (it still answers CONNECT and keeps the heart-beats).
 */
class SubscriptionRouter implements ChannelInterceptor {

	private final Fanout fanout;

	private final Receipts receipts;

	SubscriptionRouter(Fanout fanout, Receipts receipts) {
		this.fanout = fanout;
		this.receipts = receipts;
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (stomp == null || stomp.getCommand() == null) {
			return message;
		}
		switch (stomp.getCommand()) {
			case SUBSCRIBE -> {
				String destination = stomp.getDestination();
				boolean shared = !destination.startsWith(Destinations.USER_PREFIX);
				this.fanout.subscribe(stomp.getSessionId(), stomp.getSubscriptionId(), destination, shared);
				this.receipts.acknowledge(stomp);
				return null;
			}
			case UNSUBSCRIBE -> {
				this.fanout.unsubscribe(stomp.getSessionId(), stomp.getSubscriptionId());
				this.receipts.acknowledge(stomp);
				return null;
			}
			default -> {
				return message;
			}
		}
	}

}
