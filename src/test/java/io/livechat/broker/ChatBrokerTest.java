package io.livechat.broker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.messaging.support.ExecutorSubscribableChannel;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker on its own: subscriptions, one frame per event for every subscriber, user
 * destinations as the client named them, receipts, and delivery on the publisher's thread.
 */
class ChatBrokerTest {

	private final ExecutorSubscribableChannel inbound = new ExecutorSubscribableChannel();

	private final OutboundCapture outbound = new OutboundCapture();

	private final ExecutorSubscribableChannel brokerChannel = new ExecutorSubscribableChannel();

	private final Connections connections = new Connections(Outbox::drain, Runnable::run, 100_000, () -> {
	});

	private final AtomicInteger lastRecipients = new AtomicInteger(-1);

	private final ChatBroker broker = new ChatBroker(this.inbound, this.outbound, this.brokerChannel, this.connections,
			new long[] { 0, 0 }, () -> null, (destination, nanos, recipients) -> this.lastRecipients.set(recipients));

	private final RecordingSession alex = new RecordingSession("alex");

	private final RecordingSession sam = new RecordingSession("sam");

	@BeforeEach
	void start() throws Exception {
		this.broker.setUserDestinationPredicate((destination) -> destination.startsWith("/user/"));
		this.broker.start();
		var handler = this.connections.decorate(new AbstractWebSocketHandler() {
		});
		handler.afterConnectionEstablished(this.alex);
		handler.afterConnectionEstablished(this.sam);
	}

	@Test
	void anEventReachesEverySubscriberOfItsDestinationAsOneStompFrame() {
		subscribe("alex", "sub-1", "/topic/general");
		subscribe("sam", "sub-1", "/topic/general");
		subscribe("sam", "sub-2", "/topic/tech");

		publish("/topic/general", "{\"type\":\"message\",\"text\":\"hi\"}");

		assertThat(this.lastRecipients).hasValue(2);
		assertThat(this.alex.written).singleElement().satisfies((frame) -> assertThat(frame)
			.startsWith("MESSAGE\ndestination:/topic/general\nmessage-id:")
			.contains("\ncontent-type:application/json\ncontent-length:30\nsubscription:sub-1\n\n")
			.endsWith("\n\n{\"type\":\"message\",\"text\":\"hi\"}\0"));
		assertThat(this.sam.written).isEqualTo(this.alex.written);
	}

	@Test
	void theEventIsQueuedForEveryRecipientBeforePublishingReturns() {
		subscribe("alex", "sub-1", "/topic/general");
		List<Thread> publishers = new ArrayList<>();
		this.brokerChannel.subscribe((message) -> publishers.add(Thread.currentThread()));

		publish("/topic/general", "{}");

		assertThat(this.alex.written).hasSize(1);
		assertThat(publishers).containsExactly(Thread.currentThread());
	}

	@Test
	void aUserDestinationIsDeliveredUnderTheNameTheClientSubscribedTo() {
		SimpMessageHeaderAccessor subscribe = headers(SimpMessageType.SUBSCRIBE, "alex");
		subscribe.setSubscriptionId("sub-0");
		subscribe.setDestination("/queue/events-useralex");
		subscribe.setNativeHeader(SimpMessageHeaderAccessor.ORIGINAL_DESTINATION, "/user/queue/events");
		this.brokerChannel.send(MessageBuilder.createMessage(new byte[0], subscribe.getMessageHeaders()));

		publish("/queue/events-useralex", "{\"type\":\"joined\"}");

		assertThat(this.alex.written).singleElement()
			.satisfies((frame) -> assertThat(frame).startsWith("MESSAGE\ndestination:/user/queue/events\n"));
		assertThat(this.sam.written).isEmpty();
	}

	@Test
	void anUnsubscribedOrDisconnectedClientGetsNothingMore() {
		subscribe("alex", "sub-1", "/topic/general");
		subscribe("sam", "sub-1", "/topic/general");
		SimpMessageHeaderAccessor unsubscribe = headers(SimpMessageType.UNSUBSCRIBE, "alex");
		unsubscribe.setSubscriptionId("sub-1");
		this.inbound.send(MessageBuilder.createMessage(new byte[0], unsubscribe.getMessageHeaders()));
		this.inbound.send(MessageBuilder.createMessage(new byte[0],
				headers(SimpMessageType.DISCONNECT, "sam").getMessageHeaders()));

		publish("/topic/general", "{}");

		assertThat(this.alex.written).isEmpty();
		assertThat(this.sam.written).isEmpty();
		assertThat(this.lastRecipients).hasValue(0);
	}

	@Test
	void aSubscriptionThatAsksForAReceiptGetsOneOnceItHolds() {
		StompHeaderAccessor subscribe = StompHeaderAccessor.create(StompCommand.SUBSCRIBE);
		subscribe.setSessionId("alex");
		subscribe.setSubscriptionId("sub-1");
		subscribe.setDestination("/topic/general");
		subscribe.setReceipt("r-1");

		this.inbound.send(MessageBuilder.createMessage(new byte[0], subscribe.getMessageHeaders()));

		StompHeaderAccessor receipt = StompHeaderAccessor.wrap(this.outbound.messages.get(0));
		assertThat(receipt.getCommand()).isEqualTo(StompCommand.RECEIPT);
		assertThat(receipt.getReceiptId()).isEqualTo("r-1");
		assertThat(receipt.getSessionId()).isEqualTo("alex");
	}

	@Test
	void aConnectIsAnsweredWithTheServersHeartbeats() {
		SimpMessageHeaderAccessor connect = headers(SimpMessageType.CONNECT, "alex");
		connect.setHeader(SimpMessageHeaderAccessor.HEART_BEAT_HEADER, new long[] { 10_000, 10_000 });

		this.inbound.send(MessageBuilder.createMessage(new byte[0], connect.getMessageHeaders()));

		Message<?> ack = this.outbound.messages.get(0);
		assertThat(SimpMessageHeaderAccessor.getMessageType(ack.getHeaders())).isEqualTo(SimpMessageType.CONNECT_ACK);
		assertThat(SimpMessageHeaderAccessor.getSessionId(ack.getHeaders())).isEqualTo("alex");
	}

	private void subscribe(String sessionId, String subscriptionId, String destination) {
		SimpMessageHeaderAccessor subscribe = headers(SimpMessageType.SUBSCRIBE, sessionId);
		subscribe.setSubscriptionId(subscriptionId);
		subscribe.setDestination(destination);
		this.inbound.send(MessageBuilder.createMessage(new byte[0], subscribe.getMessageHeaders()));
	}

	private void publish(String destination, String json) {
		SimpMessageHeaderAccessor message = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		message.setDestination(destination);
		message.setContentType(org.springframework.util.MimeTypeUtils.APPLICATION_JSON);
		this.brokerChannel.send(MessageBuilder.createMessage(json.getBytes(StandardCharsets.UTF_8),
				message.getMessageHeaders()));
	}

	private static SimpMessageHeaderAccessor headers(SimpMessageType type, String sessionId) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(type);
		headers.setSessionId(sessionId);
		return headers;
	}

	/** The outbound channel: what the broker sends through Spring's STOMP handler. */
	private static final class OutboundCapture extends AbstractSubscribableChannel {

		private final List<Message<?>> messages = new ArrayList<>();

		@Override
		protected boolean sendInternal(Message<?> message, long timeout) {
			this.messages.add(message);
			return true;
		}

		@Override
		public boolean subscribe(MessageHandler handler) {
			return false;
		}

	}

}
