package io.livechat.bench;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ClientFleetTest {

	private static final URI A = URI.create("ws://127.0.0.1:8081/ws");

	private static final URI B = URI.create("ws://127.0.0.1:8082/ws");

	private static final URI C = URI.create("ws://127.0.0.1:8083/ws");

	private static final String THREE_URLS = A + "," + B + "," + C;

	@Test
	void spreadsTheClientsOverTheUrlsRoundRobin() {
		Options options = Options.parse("idle", "--url", THREE_URLS, "--clients", "7");

		try (ClientFleet fleet = new ClientFleet(Run.random(), options, 0)) {
			assertThat(fleet.clients()).extracting(LoadClient::url).containsExactly(A, B, C, A, B, C, A);
		}
	}

	@Test
	void putsASenderOnEveryNode() {
		Options options = Options.parse("fanout", "--url", THREE_URLS, "--clients", "30", "--senders", "4");

		try (ClientFleet fleet = new ClientFleet(Run.random(), options, options.senders())) {
			assertThat(fleet.senders()).extracting(LoadClient::url).containsExactly(A, B, C, A);
		}
	}

	@Test
	void spreadsEveryRoomOverEveryNodeWhenTheirCountsShareNoFactor() {
		Options options = Options.parse("fanout", "--url", A + "," + B, "--clients", "6", "--senders", "6",
				"--rooms", "3");

		try (ClientFleet fleet = new ClientFleet(Run.random(), options, options.senders())) {
			assertThat(fleet.senders()).extracting(LoadClient::room, LoadClient::url)
				.containsExactlyInAnyOrder(tuple("general", A), tuple("general", B), tuple("tech", A), tuple("tech", B),
						tuple("random", A), tuple("random", B));
		}
	}

	@Test
	void oneUrlTakesEveryClient() {
		Options options = Options.parse("fanout", "--url", A.toString(), "--clients", "5", "--senders", "2");

		try (ClientFleet fleet = new ClientFleet(Run.random(), options, options.senders())) {
			assertThat(fleet.clients()).extracting(LoadClient::url).containsOnly(A).hasSize(5);
			assertThat(fleet.senders()).hasSize(2);
		}
	}

}
