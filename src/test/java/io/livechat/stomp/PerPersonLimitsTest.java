package io.livechat.stomp;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Limits hold per person and per address, not only per connection: more tabs or more browsers
 * behind one address do not buy more messages. Addresses come from {@code X-Forwarded-For}, as
 * behind the platform's proxy; loopback itself is exempt (load tests, a local proxy).
 */
@TestPropertySource(properties = { "livechat.limits.per-address.send.burst=50", "livechat.limits.per-address.send.per-second=5" })
class PerPersonLimitsTest extends EndToEndTest {

	@Nested
	class OnePerson {

		@Test
		void twentyTabsOfOnePersonShareOneSendBudget() {
			ChatClient bystander = client();
			bystander.join("Sam", "general");
			List<ChatClient> tabs = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				ChatClient tab = client("browser-of-pat-1");
				tab.join("Pat", "general");
				tabs.add(tab);
			}
			long start = System.nanoTime();

			for (int round = 0; round < 5; round++) {
				for (ChatClient tab : tabs) {
					tab.say("general", "flood");
				}
			}

			double seconds = (System.nanoTime() - start) / 1e9;
			Awaitility.await().atMost(ChatClient.TIMEOUT).until(() -> refusals(tabs) + floods(bystander) == 100);
			// the person's bucket: a burst of 20, then 5 per second
			assertThat(floods(bystander)).isLessThanOrEqualTo(20 + (int) Math.ceil(5 * seconds) + 1);
			assertThat(refusals(tabs)).isGreaterThanOrEqualTo(50);
		}

		private static long floods(ChatClient client) {
			return client.all((r) -> r.type().equals("message") && r.body().path("text").asString().equals("flood")).size();
		}

		private static long refusals(List<ChatClient> tabs) {
			return tabs.stream()
				.mapToLong((tab) -> tab.all((r) -> r.type().equals("error")
						&& r.body().path("code").asString().equals("rate-limited")).size())
				.sum();
		}

	}

	@Nested
	class OneAddress {

		@Test
		void fiftyConnectionsFromOneAddressAreAcceptedAndTheNextIsRefused() throws Exception {
			List<RawWebSocket> household = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				household.add(track(RawWebSocket.open(port, "/ws", "X-Forwarded-For: 203.0.113.9\r\n")));
			}
			for (RawWebSocket ws : household) {
				assertThat(ws.closedWith(Duration.ofMillis(20))).isZero();
			}

			RawWebSocket oneTooMany = track(RawWebSocket.open(port, "/ws", "X-Forwarded-For: 203.0.113.9\r\n"));

			assertThat(oneTooMany.awaitClose(ChatClient.TIMEOUT)).isEqualTo(1013);
			RawWebSocket neighbour = track(RawWebSocket.open(port, "/ws", "X-Forwarded-For: 203.0.113.10\r\n"));
			assertThat(neighbour.closedWith(Duration.ofMillis(200))).isZero();
			ChatClient local = client();
			assertThat(local.join("Local", "tech").path("type").asString()).isEqualTo("joined");
		}

		@Test
		void aSlotIsFreedWhenAConnectionFromThatAddressCloses() throws IOException {
			List<RawWebSocket> household = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				household.add(track(RawWebSocket.open(port, "/ws", "X-Forwarded-For: 203.0.113.11\r\n")));
			}
			household.get(0).close();

			Awaitility.await().atMost(ChatClient.TIMEOUT).untilAsserted(() -> {
				RawWebSocket next = track(RawWebSocket.open(port, "/ws", "X-Forwarded-For: 203.0.113.11\r\n"));
				assertThat(next.closedWith(Duration.ofMillis(200))).isZero();
			});
		}

		@Test
		void differentPeopleBehindOneAddressShareItsSendBudget() {
			ChatClient bystander = client();
			bystander.join("Sam", "random");
			List<ChatClient> people = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				ChatClient person = track(ChatClient.connectFrom(port, "office-browser-" + i, "203.0.113.20"));
				person.join("Worker" + i, "random");
				people.add(person);
			}

			for (int round = 0; round < 20; round++) {
				for (ChatClient person : people) {
					person.say("random", "busy");
				}
			}

			Awaitility.await()
				.atMost(ChatClient.TIMEOUT)
				.until(() -> busy(bystander) + refusals(people) == 120);
			// each person alone is within their own burst of 20; the address allows a burst of 50 here
			assertThat(refusals(people)).isGreaterThanOrEqualTo(40);
		}

		private static long busy(ChatClient client) {
			return client.all((r) -> r.type().equals("message") && r.body().path("text").asString().equals("busy")).size();
		}

		private static long refusals(List<ChatClient> people) {
			return people.stream()
				.mapToLong((person) -> person.all((r) -> r.type().equals("error")
						&& r.body().path("code").asString().equals("rate-limited")).size())
				.sum();
		}

	}

}
