package io.livechat.stomp;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a connection may subscribe to, and how: unique ids, no selectors, a cap, one CONNECT.
 */
@TestPropertySource(properties = "livechat.limits.max-subscriptions=4")
class SubscriptionRulesTest extends EndToEndTest {

	@Test
	void aSelectorIsRefusedNeverEvaluated() throws Exception {
		RawWebSocket ws = rawStomp();

		ws.sendFrame("SUBSCRIBE\nid:0\ndestination:/topic/general\nselector:headers.foo == 'bar'\n\n");

		assertThat(ws.awaitRefusal()).isEqualTo(1002);
	}

	@Test
	void aSubscriptionIdCannotBeUsedTwice() throws Exception {
		RawWebSocket ws = rawStomp();
		ws.sendFrame("SUBSCRIBE\nid:same\ndestination:/topic/general\n\n");

		ws.sendFrame("SUBSCRIBE\nid:same\ndestination:/topic/tech\n\n");

		assertThat(ws.awaitRefusal()).isEqualTo(1002);
	}

	@Test
	void aConnectionHoldsOnlyAFewSubscriptions() throws Exception {
		RawWebSocket ws = rawStomp();
		String[] allowed = { "/user/queue/events", "/topic/rooms", "/topic/general", "/topic/tech" };
		// the first is the user queue, so the joined reply below can be read
		for (int i = 0; i < allowed.length; i++) {
			ws.sendFrame("SUBSCRIBE\nid:" + i + "\ndestination:" + allowed[i] + "\n\n");
		}
		joinAndAwaitReply(ws); // four subscriptions are fine

		ws.sendFrame("SUBSCRIBE\nid:4\ndestination:/topic/random\n\n");

		assertThat(ws.awaitRefusal()).isEqualTo(1002);
	}

	@Test
	void unsubscribingFreesASlot() throws Exception {
		RawWebSocket ws = rawStomp();
		ws.sendFrame("SUBSCRIBE\nid:0\ndestination:/user/queue/events\n\n");
		for (int i = 1; i < 4; i++) {
			ws.sendFrame("SUBSCRIBE\nid:" + i + "\ndestination:/topic/general\n\n");
		}
		ws.sendFrame("UNSUBSCRIBE\nid:3\n\n");

		ws.sendFrame("SUBSCRIBE\nid:5\ndestination:/topic/tech\n\n");

		joinAndAwaitReply(ws);
	}

	/** Joins and reads frames until the joined reply; fails if the connection was closed. */
	private static void joinAndAwaitReply(RawWebSocket ws) throws Exception {
		ws.sendFrame("SEND\ndestination:/app/join\n\n{\"username\":\"Sub" + System.nanoTime() % 1000
				+ "\",\"room\":\"random\",\"clientId\":\"subscriber-1\"}");
		String frame = ws.readFrame();
		while (!frame.contains("\"type\":\"joined\"")) {
			frame = ws.readFrame();
		}
	}

	@Test
	void aSecondConnectOnOneSessionIsRefused() throws Exception {
		RawWebSocket ws = rawStomp();

		ws.sendFrame("CONNECT\naccept-version:1.2\nhost:127.0.0.1\n\n");

		assertThat(ws.awaitRefusal()).isEqualTo(1002);
	}

	@Test
	void aSendBeforeConnectIsRefused() throws Exception {
		RawWebSocket ws = track(RawWebSocket.open(this.port, "/ws"));

		ws.sendFrame("SEND\ndestination:/app/send\n\n{\"room\":\"general\",\"text\":\"hi\"}");

		assertThat(ws.awaitRefusal()).isEqualTo(1002);
	}

}
