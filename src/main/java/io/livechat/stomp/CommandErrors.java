package io.livechat.stomp;

import io.livechat.chat.ChatEvents;
import io.livechat.chat.ChatException;
import io.livechat.chat.ErrorCode;
import io.livechat.chat.ErrorEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * What every {@code /app/*} command's refusal becomes: an {@code error} event to the sending
 * connection only, which keeps working; counted by code.
 */
@ControllerAdvice
class CommandErrors {

	private static final Logger logger = LoggerFactory.getLogger(CommandErrors.class);

	private static final String SESSION_ID = SimpMessageHeaderAccessor.SESSION_ID_HEADER;

	private final ChatEvents events;

	private final ChatMetrics metrics;

	CommandErrors(@Qualifier("chatEvents") ChatEvents events, ChatMetrics metrics) {
		this.events = events;
		this.metrics = metrics;
	}

	@MessageExceptionHandler
	void refused(ChatException ex, @Header(SESSION_ID) String sessionId) {
		logger.debug("Refused a command of {}: {}", sessionId, ex.getMessage());
		this.metrics.rejected(ex.code().code());
		this.events.toConnection(sessionId, ex.toEvent());
	}

	@MessageExceptionHandler({ MessageConversionException.class, MethodArgumentResolutionException.class })
	void malformed(Exception ex, @Header(SESSION_ID) String sessionId) {
		ChatException reason = findChatException(ex);
		logger.debug("Malformed command from {}: {}", sessionId, ex.getMessage());
		this.metrics.rejected((reason != null) ? reason.code().code() : ErrorCode.BAD_REQUEST.code());
		this.events.toConnection(sessionId, (reason != null) ? reason.toEvent() : new ErrorEvent(
				ErrorCode.BAD_REQUEST.code(), "The body must be a JSON object with the fields of the command."));
	}

	private static ChatException findChatException(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ChatException chatException) {
				return chatException;
			}
		}
		return null;
	}

}
