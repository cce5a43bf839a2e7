package io.livechat.stomp;

import io.livechat.chat.ChatEvents;
import io.livechat.chat.ChatException;
import io.livechat.chat.ErrorCode;
import io.livechat.chat.ErrorEvent;
import io.livechat.chat.RoomRegistry;
import io.livechat.stomp.ConnectionQuotas.Action;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Controller;

/**
 * The {@code /app/*} commands of the wire contract. Each checks the rate limits (the
 * connection's, its person's, its address's) and hands over to the {@link RoomRegistry};
 * refusals go back to the sending connection only.
 */
@Controller
class ChatController {

	private static final Logger logger = LoggerFactory.getLogger(ChatController.class);

	private static final String SESSION_ID = SimpMessageHeaderAccessor.SESSION_ID_HEADER;

	private final RoomRegistry rooms;

	private final ConnectionQuotas quotas;

	private final ChatEvents events;

	private final ChatMetrics metrics;

	ChatController(RoomRegistry rooms, ConnectionQuotas quotas, @Qualifier("chatEvents") ChatEvents events,
			ChatMetrics metrics) {
		this.rooms = rooms;
		this.quotas = quotas;
		this.events = events;
		this.metrics = metrics;
	}

	@MessageMapping(Destinations.JOIN)
	void join(@Payload JoinCommand command, @Header(SESSION_ID) String sessionId) {
		this.quotas.identify(sessionId, command.clientId());
		acquire(sessionId, Action.JOIN, "Too many joins; wait a moment and try again.");
		this.rooms.join(sessionId, command.username(), command.clientId(), command.room(), command.since());
		this.metrics.joined();
	}

	@MessageMapping(Destinations.LEAVE)
	void leave(@Payload LeaveCommand command, @Header(SESSION_ID) String sessionId) {
		this.rooms.leave(sessionId, command.room());
	}

	@MessageMapping(Destinations.SEND)
	void send(@Payload SendCommand command, @Header(SESSION_ID) String sessionId) {
		acquire(sessionId, Action.SEND, "Slow down: this message was not sent.");
		this.rooms.send(sessionId, command.room(), command.text());
		this.metrics.messageReceived();
	}

	@MessageMapping(Destinations.TYPING)
	void typing(@Payload TypingCommand command, @Header(SESSION_ID) String sessionId) {
		if (this.quotas.tryAcquire(sessionId, Action.TYPING)) {
			this.rooms.typing(sessionId, command.room(), command.typing());
		}
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

	private void acquire(String sessionId, Action action, String message) {
		if (!this.quotas.tryAcquire(sessionId, action)) {
			throw new ChatException(ErrorCode.RATE_LIMITED, message);
		}
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
