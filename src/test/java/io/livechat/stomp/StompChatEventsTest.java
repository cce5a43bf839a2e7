package io.livechat.stomp;

import io.livechat.chat.ChatMessage;
import io.livechat.fanout.Fanout;
import io.livechat.fanout.RecordingSession;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.socket.handler.AbstractWebSocketHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The last line against text that cannot be sent: an event whose JSON holds an unpaired
 * surrogate is dropped and counted before it reaches any socket, and the connection stays up.
 */
class StompChatEventsTest {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final Fanout fanout = new Fanout(Runnable::run, 100_000, () -> {
	});

	private final StompChatEvents events = new StompChatEvents(this.fanout, JsonMapper.builder().build(),
			new ChatMetrics(this.meters));

	private final RecordingSession subscriber = new RecordingSession();

	@BeforeEach
	void subscribe() throws Exception {
		this.fanout.decorate(new AbstractWebSocketHandler() {
		}).afterConnectionEstablished(this.subscriber);
		this.fanout.subscribe(this.subscriber.getId(), "sub-0", "/topic/general", true);
	}

	@Test
	void anEventThatCannotBeEncodedIsDroppedAndCountedAndTheRecipientStays() {
		this.events.toRoom("general", new ChatMessage(1, "general", "Alex", "broken \ud800 text", 0));
		this.events.toRoom("general", new ChatMessage(2, "general", "Alex", "fine", 0));

		assertThat(this.subscriber.written).hasSize(1).allSatisfy((frame) -> assertThat(frame).contains("fine"));
		assertThat(this.subscriber.closedWith).isNull();
		assertThat(this.meters.counter("livechat.events.undeliverable").count()).isEqualTo(1);
	}

	@Test
	void pairedSurrogatesAreText() {
		this.events.toRoom("general", new ChatMessage(1, "general", "Alex", "emoji \uD83D\uDE00 ok", 0));

		assertThat(this.subscriber.written).hasSize(1);
		assertThat(this.meters.counter("livechat.events.undeliverable").count()).isZero();
	}

}
