package io.livechat.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OptionsTest {

	@Test
	void fanoutDefaultsToTheFirstWorkloadAgainstALocalServer() {
		Options options = Options.parse("fanout");

		assertThat(options.scenario()).isEqualTo(Options.Scenario.FANOUT);
		assertThat(options.urls()).containsExactly(URI.create("ws://127.0.0.1:8080/ws"));
		assertThat(options.rooms()).containsExactly("general");
		assertThat(options.clients()).isEqualTo(200);
		assertThat(options.senders()).isEqualTo(50);
		assertThat(options.rates()).containsExactly(200.0);
		assertThat(options.stepMode()).isFalse();
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(20));
		assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(5));
		assertThat(options.drain()).isEqualTo(Duration.ofSeconds(5));
		assertThat(options.heartbeatMillis()).isEqualTo(10_000);
		assertThat(options.concurrency()).isEqualTo(64);
		assertThat(options.serverPids()).isEmpty();
		assertThat(options.out()).isNull();
	}

	@Test
	void readsEveryFanoutOption() {
		Options options = Options.parse("fanout", "--url", "ws://localhost:8099/ws", "--clients", "1000", "--senders",
				"50", "--rate", "150.5", "--duration", "10", "--warmup", "2.5", "--drain", "8", "--server-pid", "4242",
				"--label", "w1", "--out", "results.jsonl", "--heartbeat", "0", "--concurrency", "16", "--rooms", "2");

		assertThat(options.urls()).containsExactly(URI.create("ws://localhost:8099/ws"));
		assertThat(options.clients()).isEqualTo(1000);
		assertThat(options.rates()).containsExactly(150.5);
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(10));
		assertThat(options.warmup()).isEqualTo(Duration.ofMillis(2500));
		assertThat(options.drain()).isEqualTo(Duration.ofSeconds(8));
		assertThat(options.serverPids()).containsExactly(4242L);
		assertThat(options.label()).isEqualTo("w1");
		assertThat(options.out()).isEqualTo(Path.of("results.jsonl"));
		assertThat(options.heartbeatMillis()).isZero();
		assertThat(options.concurrency()).isEqualTo(16);
		assertThat(options.rooms()).containsExactly("general", "tech");
	}

	@Test
	void readsSeveralUrlsAndPidsSeparatedByCommas() {
		Options options = Options.parse("fanout", "--url", "ws://127.0.0.1:8081/ws, ws://127.0.0.1:8082/ws",
				"--server-pid", "4242,4243");

		assertThat(options.urls()).containsExactly(URI.create("ws://127.0.0.1:8081/ws"),
				URI.create("ws://127.0.0.1:8082/ws"));
		assertThat(options.serverPids()).containsExactly(4242L, 4243L);
		assertThat(options.toJson().toString()).contains("\"url\":\"ws://127.0.0.1:8081/ws,ws://127.0.0.1:8082/ws\"",
				"\"server_pid\":[4242,4243]");
	}

	@Test
	void oneUrlAndOnePidAreRecordedAsBefore() {
		String json = Options.parse("fanout", "--url", "ws://127.0.0.1:8081/ws", "--server-pid", "4242")
			.toJson()
			.toString();

		assertThat(json).contains("\"url\":\"ws://127.0.0.1:8081/ws\"", "\"server_pid\":4242,");
	}

	@Test
	void roomsSpanEveryNodeUnlessTheirCountSharesAFactorWithTheUrls() {
		String twoUrls = "ws://127.0.0.1:8081/ws,ws://127.0.0.1:8082/ws";

		assertThat(Options.parse("idle", "--url", twoUrls).roomsSpanEveryNode()).isTrue();
		assertThat(Options.parse("idle", "--url", twoUrls, "--rooms", "3").roomsSpanEveryNode()).isTrue();
		assertThat(Options.parse("idle", "--url", twoUrls, "--rooms", "2").roomsSpanEveryNode()).isFalse();
		assertThat(Options.parse("idle", "--rooms", "2").roomsSpanEveryNode()).isTrue();
	}

	@Test
	void ratesSwitchOnStepMode() {
		Options options = Options.parse("fanout", "--rates", "20,40,60", "--p99-limit", "50");

		assertThat(options.stepMode()).isTrue();
		assertThat(options.rates()).containsExactly(20.0, 40.0, 60.0);
		assertThat(options.p99LimitMillis()).isEqualTo(50);
	}

	@Test
	void spreadsOverTheGivenRoomFirstThenTheOthers() {
		assertThat(Options.parse("idle", "--room", "tech", "--rooms", "3").rooms()).containsExactly("tech", "general",
				"random");
		assertThat(Options.parse("idle", "--room", "lobby").rooms()).containsExactly("lobby");
	}

	@Test
	void aStormConnectsEveryClientAtOnceUnlessToldOtherwise() {
		assertThat(Options.parse("storm", "--clients", "500").concurrency()).isEqualTo(500);
		assertThat(Options.parse("storm", "--clients", "500", "--concurrency", "50").concurrency()).isEqualTo(50);
	}

	@Test
	void idleHoldsTenSecondsByDefault() {
		assertThat(Options.parse("idle").hold()).isEqualTo(Duration.ofSeconds(10));
		assertThat(Options.parse("idle", "--hold", "60").hold()).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void idleForcesAGcUnlessToldNot() {
		assertThat(Options.parse("idle").forcedGc()).isTrue();
		assertThat(Options.parse("idle", "--forced-gc", "no").forcedGc()).isFalse();
		assertThat(Options.parse("idle", "--forced-gc", "no").toJson().toString()).contains("\"forced_gc\":false");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("idle", "--forced-gc", "off"))
			.withMessageContaining("--forced-gc: yes or no");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("fanout", "--forced-gc", "no"));
	}

	@Test
	void theRunTimeoutCoversEveryPhase() {
		Options options = Options.parse("fanout", "--rates", "10,20", "--duration", "100", "--warmup", "50");

		assertThat(options.runTimeout()).isGreaterThan(options.joinTimeout().plusSeconds(2 * 150));
	}

	@Nested
	class Protocols {

		@Test
		void stompIsTheDefaultWithoutDeflateOverTheToolsOwnClient() {
			Options options = Options.parse("fanout");

			assertThat(options.protocol()).isEqualTo(Options.Protocol.STOMP);
			assertThat(options.client()).isEqualTo(Options.Client.OWN);
			assertThat(options.deflate()).isFalse();
			assertThat(options.toJson().toString()).contains("\"proto\":\"stomp\"", "\"client\":\"own\"",
					"\"deflate\":false");
		}

		@Test
		void theJdksClientOnRequest() {
			Options options = Options.parse("storm", "--client", "jdk", "--url", "wss://chat.example.org/ws");

			assertThat(options.client()).isEqualTo(Options.Client.JDK);
			assertThat(options.toJson().toString()).contains("\"client\":\"jdk\"");
		}

		@Test
		void refusesAnUnknownClient() {
			assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("idle", "--client", "netty"))
				.withMessageContaining("--client: own or jdk");
		}

		@Test
		void refusesTlsForTheToolsOwnClient() {
			assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("idle", "--url", "wss://chat.example.org/ws"))
				.withMessageContaining("ws:// only");
		}

		@Test
		void refusesDeflateOverTheJdksClient() {
			assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("idle", "--client", "jdk", "--deflate"))
				.withMessageContaining("--deflate needs the tool's own client");
		}

		@Test
		void socketioDefaultsToTheReferenceChatsPortWithoutHeartBeats() {
			Options options = Options.parse("storm", "--proto", "socketio");

			assertThat(options.protocol()).isEqualTo(Options.Protocol.SOCKETIO);
			assertThat(options.urls())
				.containsExactly(URI.create("ws://127.0.0.1:3000/socket.io/?EIO=4&transport=websocket"));
			assertThat(options.heartbeatMillis()).isZero();
			assertThat(options.toJson().toString()).contains("\"proto\":\"socketio\"");
		}

		@Test
		void socketioAddsEngineIosPathToEachUrl() {
			Options options = Options.parse("fanout", "--proto", "socketio", "--url",
					"ws://127.0.0.1:3001,ws://127.0.0.1:3002/");

			assertThat(options.urls()).containsExactly(
					URI.create("ws://127.0.0.1:3001/socket.io/?EIO=4&transport=websocket"),
					URI.create("ws://127.0.0.1:3002/socket.io/?EIO=4&transport=websocket"));
		}

		@Test
		void deflateIsAFlagWithoutValue() {
			Options options = Options.parse("fanout", "--deflate", "--clients", "10", "--senders", "2");

			assertThat(options.deflate()).isTrue();
			assertThat(options.clients()).isEqualTo(10);
			assertThat(options.toJson().toString()).contains("\"deflate\":true");
		}

		@Test
		void refusesAnUnknownProtocol() {
			assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("idle", "--proto", "sockjs"))
				.withMessageContaining("--proto: stomp or socketio");
		}

		@Test
		void refusesHeartBeatsForSocketio() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> Options.parse("idle", "--proto", "socketio", "--heartbeat", "5000"))
				.withMessageContaining("--heartbeat is for stomp");
		}

		@Test
		void refusesDeflateOverTls() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> Options.parse("idle", "--deflate", "--url", "wss://chat.example.org/ws"))
				.withMessageContaining("ws:// only");
		}

		@Test
		void refusesDeflateGivenTwice() {
			assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("idle", "--deflate", "--deflate"))
				.withMessageContaining("twice");
		}

	}

	@Nested
	class Reads {

		@Test
		void areOffByDefault() {
			assertThat(Options.parse("fanout").reads()).isFalse();
		}

		@Test
		void areAFlagWithoutValue() {
			Options options = Options.parse("fanout", "--reads", "--clients", "20");

			assertThat(options.reads()).isTrue();
			assertThat(options.clients()).isEqualTo(20);
		}

		@Test
		void areRecordedInTheJsonLine() {
			assertThat(Options.parse("fanout", "--reads").toJson().toString()).contains("\"reads\":true");
			assertThat(Options.parse("fanout").toJson().toString()).contains("\"reads\":false");
		}

		@Test
		void areRefusedForSocketioWhichHasNoReadPositions() {
			assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("fanout", "--proto", "socketio", "--reads"))
				.withMessage("--reads is for stomp: the Socket.io reference chat has no read positions to report");
		}

		@ParameterizedTest
		@ValueSource(strings = { "idle", "storm" })
		void areAnOptionOfFanoutOnly(String scenario) {
			assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(scenario, "--reads"))
				.withMessageContaining("--reads is not an option of " + scenario);
		}

		@Test
		void areRefusedGivenTwice() {
			assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("fanout", "--reads", "--reads"))
				.withMessageContaining("twice");
		}

	}

	@Nested
	class Refuses {

		@ParameterizedTest
		@ValueSource(strings = { "", "bench", "--clients" })
		void anUnknownScenario(String scenario) {
			assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(scenario));
		}

		@Test
		void noScenario() {
			assertThatIllegalArgumentException().isThrownBy(Options::parse).withMessageContaining("scenario");
		}

		@Test
		void anUnknownOption() {
			assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("fanout", "--sender", "5"))
				.withMessageContaining("--sender is not an option of fanout");
		}

		@Test
		void anOptionOfAnotherScenario() {
			assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("storm", "--senders", "5"))
				.withMessageContaining("--senders is not an option of storm");
		}

		@Test
		void anOptionWithoutItsValue() {
			assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("fanout", "--clients"))
				.withMessageContaining("--clients needs a value");
		}

		@Test
		void aValueWithoutItsOption() {
			assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("fanout", "200"))
				.withMessageContaining("expected an --option");
		}

		@Test
		void anOptionGivenTwice() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> Options.parse("fanout", "--clients", "2", "--clients", "3"))
				.withMessageContaining("twice");
		}

		@Test
		void bothRateAndRates() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> Options.parse("fanout", "--rate", "2", "--rates", "3,4"))
				.withMessageContaining("either --rate or --rates");
		}

		@Test
		void moreSendersThanClients() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> Options.parse("fanout", "--clients", "10", "--senders", "11"))
				.withMessageContaining("--senders");
		}

		@ParameterizedTest
		@ValueSource(strings = { "0", "-5", "many", "1.5", "" })
		void aClientCountThatIsNotAPositiveWholeNumber(String clients) {
			assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("idle", "--clients", clients))
				.withMessageContaining("--clients");
		}

		@ParameterizedTest
		@ValueSource(strings = { "0", "-1", "fast", "10,,20", "10,0" })
		void aRateThatIsNotPositive(String rates) {
			assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("fanout", "--rates", rates))
				.withMessageContaining("--rates");
		}

		@ParameterizedTest
		@ValueSource(strings = { "http://127.0.0.1:8080/ws", "127.0.0.1:8080", "ws://", "not a url" })
		void aUrlThatIsNotAWebSocketUrl(String url) {
			assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("storm", "--url", url))
				.withMessageContaining("--url");
		}

		@ParameterizedTest
		@ValueSource(strings = { "ws://127.0.0.1:8081/ws,http://127.0.0.1:8082/ws", "ws://127.0.0.1:8081/ws,",
				"ws://127.0.0.1:8081/ws,,ws://127.0.0.1:8082/ws" })
		void aUrlListWithAnEntryThatIsNotAWebSocketUrl(String urls) {
			assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("storm", "--url", urls))
				.withMessageStartingWith("--url: ")
				.withMessageEndingWith(" in '" + urls + "'");
		}

		@ParameterizedTest
		@ValueSource(strings = { "0", "pid", "4242,x", "4242,", "4242,-1", "4242,,4243", "4242 4243" })
		void aPidListWithAnEntryThatIsNotAProcessId(String pids) {
			assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("idle", "--server-pid", pids))
				.withMessageStartingWith("--server-pid: process ids");
		}

		@Test
		void aPidGivenTwice() {
			assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("idle", "--server-pid", "4242,4242"))
				.withMessage("--server-pid: 4242 is given twice");
		}

		@Test
		void fewerClientsOrSendersThanUrls() {
			String threeUrls = "ws://127.0.0.1:8081/ws,ws://127.0.0.1:8082/ws,ws://127.0.0.1:8083/ws";

			assertThatIllegalArgumentException()
				.isThrownBy(() -> Options.parse("storm", "--url", threeUrls, "--clients", "2"))
				.withMessageContaining("--clients: at least one per --url (3)");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> Options.parse("fanout", "--url", threeUrls, "--clients", "10", "--senders", "2"))
				.withMessageContaining("--senders: at least one per --url (3)");
		}

		@Test
		void moreRoomsThanTheServerHasByDefault() {
			assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("idle", "--rooms", "4"));
			assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("idle", "--room", "lobby", "--rooms", "2"));
		}

		@Test
		void aNegativeDuration() {
			assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("fanout", "--warmup", "-1"))
				.withMessageContaining("--warmup");
			assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("fanout", "--duration", "0"))
				.withMessageContaining("--duration");
		}

	}

	@Test
	void recordsTheOptionsOfItsScenarioInTheJsonLine() {
		String json = Options.parse("fanout", "--rates", "10,20", "--label", "knee").toJson().toString();

		assertThat(json).contains("\"rates\":[10.0,20.0]", "\"p99_limit_ms\":100.0", "\"given\":{")
			.doesNotContain("hold_s");
		assertThat(Options.parse("idle").toJson().toString()).contains("\"hold_s\":10.0").doesNotContain("senders");
	}

}
