package io.livechat.cluster;

import java.nio.charset.StandardCharsets;

import io.livechat.chat.ChatMessage;
import io.livechat.chat.MessageImage;
import io.livechat.chat.SystemEvent;
import io.livechat.chat.TypingEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterMessageTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyKindCrossesTheChannelIntact() {
		for (ClusterMessage message : new ClusterMessage[] {
				ClusterMessage.of("a", new ChatMessage(7, "general", "Alex", "hi \"there\" \u2603", 123)),
				ClusterMessage.of("a", new ChatMessage(8, "general", "Alex", "", 124,
						new MessageImage("AAAAAAAAAAAAAAAAAAAAAA", 1024, 768))),
				ClusterMessage.of("a", SystemEvent.left("tech", "Sam", 456)),
				ClusterMessage.of("b", new TypingEvent("random", "Kim", true)), ClusterMessage.usersChanged("b", "general"),
				ClusterMessage.roomsChanged("c") }) {
			String wire = this.json.writeValueAsString(message);

			assertThat(this.json.readValue(wire, ClusterMessage.class)).as(wire).isEqualTo(message);
			assertThat(wire.getBytes(StandardCharsets.UTF_8)).as("a node knows its own events by how they begin")
				.startsWith(ClusterMessage.prefixOf(message.node()));
		}
	}

}
