package io.livechat.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A refused request, sent to the offending connection only; {@code code} is one of
 * {@link ErrorCode}'s wire codes. A refused message that had a {@code clientMsgId} names it, and
 * says whether sending it again may work ({@code retry}) and, for a rate limit, after how long.
 */
@JsonTypeName("error")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorEvent(String code, String message, String clientMsgId, Boolean retry, Long retryAfterMs)
		implements ChatEvent {

	public ErrorEvent(String code, String message) {
		this(code, message, null, null, null);
	}

}
