package io.livechat.stomp;

import java.util.function.Supplier;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.annotation.support.SimpAnnotationMethodMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;

/**
 * RECEIPT frames (STOMP 1.2) for SEND frames that ask for one with a {@code receipt} header, once
 * their {@code /app} command has been handled (its reply, if any, is queued before the receipt).
 * (The broker answers the receipts of SUBSCRIBE, UNSUBSCRIBE and DISCONNECT.)
 */
final class Receipts implements ExecutorChannelInterceptor {

	private final Supplier<MessageChannel> clientOutboundChannel;

	Receipts(Supplier<MessageChannel> clientOutboundChannel) {
		this.clientOutboundChannel = clientOutboundChannel;
	}

	@Override
	public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler,
			Exception ex) {
		// the inbound channel hands every frame to each of its handlers; the commands are this one's
		if (handler instanceof SimpAnnotationMethodMessageHandler) {
			StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
			if (stomp != null && stomp.getCommand() == StompCommand.SEND) {
				acknowledge(stomp);
			}
		}
	}

	/** Sends the receipt the frame asks for, if it asks for one. */
	private void acknowledge(StompHeaderAccessor frame) {
		String receipt = frame.getReceipt();
		if (receipt == null) {
			return;
		}
		StompHeaderAccessor reply = StompHeaderAccessor.create(StompCommand.RECEIPT);
		reply.setReceiptId(receipt);
		reply.setSessionId(frame.getSessionId());
		this.clientOutboundChannel.get().send(MessageBuilder.createMessage(new byte[0], reply.getMessageHeaders()));
	}

}
