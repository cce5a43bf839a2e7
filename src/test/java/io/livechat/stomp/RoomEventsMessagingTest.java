package io.livechat.stomp;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.livechat.chat.InMemoryMessageStore;
import io.livechat.chat.Room;
import io.livechat.chat.RoomRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.AbstractSubscribableChannel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The room logic as the broker sees it: what a join, a message and a leave publish through
 * {@code SimpMessagingTemplate}, captured on the broker channel (no sockets, no broker), with the
 * destinations and JSON of the wire contract.
 */
class RoomEventsMessagingTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final CapturingChannel brokerChannel = new CapturingChannel();

	private final RoomRegistry rooms;

	RoomEventsMessagingTest() {
		SimpMessagingTemplate template = new SimpMessagingTemplate(this.brokerChannel);
		template.setMessageConverter(new JacksonJsonMessageConverter(json));
		template.setUserDestinationPrefix("/user/");
		this.rooms = new RoomRegistry(List.of(new Room("general", "General"), new Room("tech", "Tech")),
				new InMemoryMessageStore(), new StompChatEvents(template),
				Clock.fixed(Instant.ofEpochMilli(1_732_900_000_000L), ZoneOffset.UTC));
	}

	@Test
	void aJoinRepliesToTheJoinersOwnQueueAndAnnouncesItToTheRoomTopic() {
		this.rooms.connect("s1");

		this.rooms.join("s1", "Alex", "client-alex-1", "general", null);

		assertThat(this.brokerChannel.destinations()).containsExactly("/user/s1/queue/events", "/topic/general",
				"/topic/general", "/topic/rooms");
		Message<?> joined = this.brokerChannel.messages.get(0);
		assertThat(SimpMessageHeaderAccessor.getSessionId(joined.getHeaders())).isEqualTo("s1");
		assertThat(body(joined).path("type").asString()).isEqualTo("joined");
		assertThat(body(joined).path("users")).extracting(JsonNode::asString).containsExactly("Alex");
		assertThat(body(this.brokerChannel.messages.get(1)).path("text").asString()).isEqualTo("Alex joined #general");
		assertThat(body(this.brokerChannel.messages.get(2)).path("type").asString()).isEqualTo("users");
	}

	@Test
	void aMessageIsPublishedToTheRoomTopicOnlyOnceStored() {
		this.rooms.connect("s1");
		this.rooms.join("s1", "Alex", "client-alex-1", "general", null);
		this.brokerChannel.messages.clear();

		this.rooms.send("s1", "general", "hello");

		assertThat(this.brokerChannel.destinations()).containsExactly("/topic/general");
		JsonNode message = body(this.brokerChannel.messages.get(0));
		assertThat(message.path("type").asString()).isEqualTo("message");
		assertThat(message.path("id").asLong()).isEqualTo(1);
		assertThat(message.path("username").asString()).isEqualTo("Alex");
		assertThat(message.path("text").asString()).isEqualTo("hello");
	}

	@Test
	void anEventIsEncodedAsUtf8OnceAndAnUnpairedSurrogateInItIsWrittenAsAnEscape() {
		// a room whose history held such text from before the text rules: the last line
		this.rooms.connect("s1");
		this.rooms.join("s1", "Alex", "client-alex-1", "general", null);
		this.brokerChannel.messages.clear();

		new StompChatEvents(template()).toRoom("general",
				new io.livechat.chat.ChatMessage(9, "general", "Old", "half \ud800 a character", 0));

		byte[] payload = (byte[]) this.brokerChannel.messages.get(0).getPayload();
		String json = new String(payload, java.nio.charset.StandardCharsets.UTF_8);
		assertThat(json).contains("half \\uD800 a character");
		assertThat(io.livechat.chat.LoneSurrogates.indexIn(json)).isEqualTo(-1);
	}

	@Test
	void leavingAnnouncesItToTheRoom() {
		this.rooms.connect("s1");
		this.rooms.join("s1", "Alex", "client-alex-1", "general", null);
		this.brokerChannel.messages.clear();

		this.rooms.disconnect("s1");

		assertThat(this.brokerChannel.destinations()).containsExactly("/topic/general", "/topic/general",
				"/topic/rooms");
		assertThat(body(this.brokerChannel.messages.get(0)).path("event").asString()).isEqualTo("left");
	}

	private SimpMessagingTemplate template() {
		SimpMessagingTemplate template = new SimpMessagingTemplate(this.brokerChannel);
		template.setMessageConverter(new JacksonJsonMessageConverter(json));
		return template;
	}

	private static JsonNode body(Message<?> message) {
		return json.readTree((byte[]) message.getPayload());
	}

	/** A broker channel that keeps what is sent to it. */
	private static final class CapturingChannel extends AbstractSubscribableChannel {

		private final List<Message<?>> messages = new ArrayList<>();

		@Override
		protected boolean sendInternal(Message<?> message, long timeout) {
			this.messages.add(message);
			return true;
		}

		List<String> destinations() {
			return this.messages.stream().map((m) -> SimpMessageHeaderAccessor.getDestination(m.getHeaders())).toList();
		}

		@Override
		public boolean subscribe(MessageHandler handler) {
			return false;
		}

	}

}
