package io.livechat.stomp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that try to speak for others, read what is not theirs, or overflow the server. Each
 * is refused without harm to anyone else.
 */
class HostileClientsTest extends EndToEndTest {

	private static final String FORGED = "{\"type\":\"message\",\"id\":1,\"room\":\"general\",\"username\":\"Admin\","
			+ "\"text\":\"forged\",\"timestamp\":0}";

	@ParameterizedTest
	@ValueSource(strings = { "/topic/general", "/topic/rooms", "/user/queue/events", "/queue/events",
			"/app/unknown", "/user/someone/queue/events" })
	void aSendOutsideTheFourCommandsIsRefusedAndReachesNoOne(String destination) throws Exception {
		ChatClient victim = client();
		victim.join("Sam", "general");
		victim.subscribe("/topic/rooms");
		RawWebSocket attacker = rawStomp();

		attacker.sendFrame("SEND\ndestination:" + destination + "\ncontent-type:application/json\n\n" + FORGED);

		assertThat(attacker.awaitRefusal()).isEqualTo(1002);
		victim.say("general", "after the attack");
		victim.take((r) -> r.type().equals("message") && r.body().path("text").asString().equals("after the attack"));
		assertThat(victim.all((r) -> r.body().path("text").asString().equals("forged"))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/topic/**", "/topic/*", "#", ">", "/topic/lobby", "/queue/events",
			"/queue/events-user1234", "/user/someone/queue/events", "/app/send" })
	void aSubscriptionOutsideTheContractIsRefused(String destination) throws Exception {
		RawWebSocket attacker = rawStomp();

		attacker.sendFrame("SUBSCRIBE\nid:0\ndestination:" + destination + "\n\n");

		assertThat(attacker.awaitRefusal()).isEqualTo(1002);
	}

	@Test
	void aFrameOverSixtyFourKibibytesClosesOnlyThatConnection() throws Exception {
		ChatClient bystander = client();
		bystander.join("Sam", "general");
		RawWebSocket attacker = rawStomp();

		String hugeBody = "{\"room\":\"general\",\"text\":\"" + "x".repeat(70 * 1024) + "\"}";
		attacker.sendFrame("SEND\ndestination:/app/send\ncontent-type:application/json\n\n" + hugeBody);

		assertThat(attacker.awaitRefusal()).isIn(1002, 1009);
		bystander.say("general", "unaffected");
		assertThat(bystander.take("message").path("text").asString()).isEqualTo("unaffected");
	}

	@Test
	void aClientSendingFramesFasterThanAnyChatNeedsIsClosed() throws Exception {
		ChatClient bystander = client();
		bystander.join("Sam", "general");
		RawWebSocket flooder = rawStomp();

		for (int i = 0; i < 1000; i++) {
			try {
				flooder.sendText("\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)); // a heart-beat
			}
			catch (java.io.IOException closed) {
				break;
			}
		}

		assertThat(flooder.awaitRefusal()).isEqualTo(1008);
		bystander.say("general", "unaffected");
		assertThat(bystander.take("message").path("text").asString()).isEqualTo("unaffected");
	}

	@Test
	void framesPackedIntoFewWebSocketMessagesAreCountedOneByOne() throws Exception {
		ChatClient bystander = client();
		bystander.join("Sam", "general");
		RawWebSocket packer = rawStomp();
		String typing = "SEND\ndestination:/app/typing\n\n{\"room\":\"general\",\"typing\":true}\0";
		byte[] packed = typing.repeat(266).getBytes(java.nio.charset.StandardCharsets.UTF_8);

		for (int i = 0; i < 10; i++) { // 2,660 frames in 10 messages: far over 200 at once
			try {
				packer.sendText(packed);
			}
			catch (java.io.IOException closed) {
				break;
			}
		}

		assertThat(packer.awaitRefusal()).isEqualTo(1008);
		bystander.say("general", "unaffected");
		assertThat(bystander.take("message").path("text").asString()).isEqualTo("unaffected");
	}

	@Test
	void aLegitimateFrameLargerThanTheContainerBufferIsAccepted() {
		ChatClient alex = client();
		alex.join("Alex", "general");

		String padding = "p".repeat(40 * 1024);
		alex.send("/app/send", "{\"room\":\"general\",\"text\":\"" + "é".repeat(1000) + "\",\"padding\":\"" + padding + "\"}");

		assertThat(alex.take("message").path("text").asString()).isEqualTo("é".repeat(1000));
	}

}
