package io.livechat.chat;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A refused request, sent to the offending connection only; {@code code} is one of
 * {@link ErrorCode}'s wire codes.
 */
@JsonTypeName("error")
public record ErrorEvent(String code, String message) implements ChatEvent {

}
