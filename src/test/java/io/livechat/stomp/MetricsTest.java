package io.livechat.stomp;

import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meters move with the traffic they describe.
 */
class MetricsTest extends EndToEndTest {

	@Autowired
	MeterRegistry meters;

	@Test
	void joinsMessagesDeliveriesAndRejectionsAreCounted() throws Exception {
		double joins = count("livechat.joins");
		double received = count("livechat.messages.received");
		double deliveries = count("livechat.deliveries");
		double tooLong = this.meters.counter("livechat.rejections", "reason", "message-too-long").count();
		double forged = this.meters.counter("livechat.rejections", "reason", "destination").count();
		double malformed = this.meters.counter("livechat.rejections", "reason", "malformed").count();
		long broadcasts = this.meters.timer("livechat.broadcast").count();

		ChatClient alex = client();
		alex.join("Alex", "general");
		ChatClient sam = client();
		sam.join("Sam", "general");
		alex.say("general", "counted");
		sam.take("message");
		alex.say("general", "x".repeat(1001));
		alex.takeErrorCode();
		rawStomp().sendFrame("SEND\ndestination:/topic/general\n\n{}");
		rawStomp().sendFrame("FOO\n\n");

		Awaitility.await().atMost(ChatClient.TIMEOUT).untilAsserted(() -> {
			assertThat(count("livechat.joins")).isEqualTo(joins + 2);
			assertThat(count("livechat.messages.received")).isEqualTo(received + 1);
			assertThat(count("livechat.deliveries")).isGreaterThanOrEqualTo(deliveries + 2);
			assertThat(this.meters.counter("livechat.rejections", "reason", "message-too-long").count())
				.isEqualTo(tooLong + 1);
			assertThat(this.meters.counter("livechat.rejections", "reason", "destination").count()).isEqualTo(forged + 1);
			assertThat(this.meters.counter("livechat.rejections", "reason", "malformed").count()).isEqualTo(malformed + 1);
			assertThat(this.meters.timer("livechat.broadcast").count()).isGreaterThan(broadcasts);
			assertThat(this.meters.get("livechat.connections").gauge().value()).isGreaterThanOrEqualTo(2);
		});
	}

	private double count(String name) {
		return this.meters.counter(name).count();
	}

}
