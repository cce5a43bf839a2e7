package io.livechat.stomp;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * LiveChat's meters, exposed at {@code /actuator/prometheus}; docs/operations.md says what
 * each means and what to alert on.
 */
public class ChatMetrics {

	private final MeterRegistry registry;

	private final Counter joins;

	private final Counter messagesReceived;

	private final Counter messagesBroadcast;

	private final Counter directMessagesReceived;

	private final Counter deliveries;

	private final Counter slowConsumerDrops;

	private final Timer broadcastTime;


	ChatMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.joins = Counter.builder("livechat.joins").description("Accepted joins").register(registry);
		this.messagesReceived = Counter.builder("livechat.messages.received")
			.description("Chat messages accepted from clients")
			.register(registry);
		this.directMessagesReceived = Counter.builder("livechat.direct.messages.received")
			.description("Direct messages accepted from clients")
			.register(registry);
		this.messagesBroadcast = Counter.builder("livechat.messages.broadcast")
			.description("Room events broadcast (messages, joins, leaves, user lists, typing)")
			.register(registry);
		this.deliveries = Counter.builder("livechat.deliveries")
			.description("MESSAGE frames queued for clients")
			.register(registry);
		this.slowConsumerDrops = Counter.builder("livechat.slow.consumer.drops")
			.description("Connections closed because they did not read fast enough")
			.register(registry);
		this.broadcastTime = Timer.builder("livechat.broadcast")
			.description("Time to queue one room event for all its recipients")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofNanos(1000))
			.maximumExpectedValue(Duration.ofSeconds(1))
			.register(registry);
	}

	void gaugeOpenConnections(AtomicInteger open) {
		Gauge.builder("livechat.connections", open, AtomicInteger::get)
			.description("Open WebSocket and SockJS connections")
			.register(this.registry);
	}

	void joined() {
		this.joins.increment();
	}

	void messageReceived() {
		this.messagesReceived.increment();
	}

	void directMessageReceived() {
		this.directMessagesReceived.increment();
	}

	void delivered(int frames) {
		if (frames > 0) {
			this.deliveries.increment(frames);
		}
	}

	void slowConsumerDropped() {
		this.slowConsumerDrops.increment();
	}

	/** A refused frame or connection; {@code reason} is an error code or a defence's name. */
	public void rejected(String reason) {
		this.registry.counter("livechat.rejections", "reason", reason).increment();
	}

	/** A room event queued for its recipients, in that many nanoseconds. */
	void broadcast(long nanos, int recipients) {
		this.broadcastTime.record(nanos, TimeUnit.NANOSECONDS);
		this.messagesBroadcast.increment();
		delivered(recipients);
	}

}
