package io.livechat.direct;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.livechat.chat.MessageImage;
import io.livechat.chat.PersonalEvent;
import io.livechat.people.Person;

/**
 * A stored direct message; {@code id} is the conversation's sequence (1, 2, 3, ...), {@code from}
 * and {@code to} as their names were when it was sent; {@code image} the picture it carries, if any
 * ({@code text} is then its caption, perhaps empty).
 */
@JsonTypeName("dm")
public record DirectMessage(long id, String conversation, Person from, Person to, String text, long timestamp,
		@JsonInclude(JsonInclude.Include.NON_NULL) MessageImage image) implements PersonalEvent {

	/** A message of text alone. */
	public DirectMessage(long id, String conversation, Person from, Person to, String text, long timestamp) {
		this(id, conversation, from, to, text, timestamp, null);
	}

}
