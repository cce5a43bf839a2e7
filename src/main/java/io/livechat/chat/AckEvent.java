package io.livechat.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * To the connection that sent a message with a {@code clientMsgId}: it is stored, under
 * {@code id}, in {@code room} or {@code conversation} (one of the two). A resend of a message
 * stored before gets the same answer, and stores nothing new.
 */
@JsonTypeName("ack")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AckEvent(String clientMsgId, long id, String room, String conversation) implements PersonalEvent {

	public static AckEvent inRoom(String clientMsgId, long id, String room) {
		return new AckEvent(clientMsgId, id, room, null);
	}

	public static AckEvent inConversation(String clientMsgId, long id, String conversation) {
		return new AckEvent(clientMsgId, id, null, conversation);
	}

}
