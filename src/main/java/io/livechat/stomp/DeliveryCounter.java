package io.livechat.stomp;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;

/** Counts MESSAGE frames on their way to clients. */
class DeliveryCounter implements ChannelInterceptor {

	private final ChatMetrics metrics;

	DeliveryCounter(ChatMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		if (SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) == SimpMessageType.MESSAGE) {
			this.metrics.delivered();
		}
		return message;
	}

}
