package io.livechat.direct;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.livechat.chat.PersonalEvent;
import io.livechat.people.Person;

/**
 * A stored direct message; {@code id} is the conversation's sequence (1, 2, 3, ...), {@code from}
 * and {@code to} as their names were when it was sent.
 */
@JsonTypeName("dm")
public record DirectMessage(long id, String conversation, Person from, Person to, String text, long timestamp)
		implements PersonalEvent {

}
