package io.livechat.stomp;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When frames arrive faster than the workers handle them, the queue in front of the workers
 * stays bounded: the excess is refused and counted, and the server keeps working.
 */
@TestPropertySource(properties = { "livechat.limits.inbound-queue=2", "livechat.limits.send.burst=100000",
		"livechat.limits.send.per-second=100000",
		"livechat.limits.per-user.send.burst=100000", "livechat.limits.per-user.send.per-second=100000", "livechat.limits.frames.burst=100000",
		"livechat.limits.frames.per-second=100000" })
class InboundQueueTest extends EndToEndTest {

	@Autowired
	MeterRegistry meters;

	@Test
	void framesBeyondTheInboundQueueAreRefusedAndTheServerRecovers() throws Exception {
		List<RawWebSocket> flooders = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			flooders.add(rawStomp());
		}
		String frame = "SEND\ndestination:/app/send\n\n{\"room\":\"general\",\"text\":\"nobody joined\"}";
		for (int round = 0; round < 200; round++) {
			for (RawWebSocket flooder : flooders) {
				flooder.sendFrame(frame);
			}
		}

		Awaitility.await().atMost(ChatClient.TIMEOUT)
			.until(() -> this.meters.counter("livechat.rejections", "reason", "inbound-queue-full").count() > 0);
		ChatClient alex = client();
		alex.join("Alex", "general");
		alex.say("general", "after the flood");
		assertThat(alex.take("message").path("text").asString()).isEqualTo("after the flood");
	}

}
