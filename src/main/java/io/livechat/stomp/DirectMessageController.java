package io.livechat.stomp;

import io.livechat.chat.ChatException;
import io.livechat.chat.ErrorCode;
import io.livechat.direct.DirectMessages;
import io.livechat.stomp.ConnectionQuotas.Action;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Controller;

/**
 * The direct-message commands of the wire contract: each checks its rate limit and hands over
 * to {@link DirectMessages}, which knows the connection's person from its join. A DM draws on
 * the send limits, the rest on the lookup limit; refusals go back to the sending connection only
 * ({@link CommandErrors}).
 */
@Controller
class DirectMessageController {

	private static final String SESSION_ID = SimpMessageHeaderAccessor.SESSION_ID_HEADER;

	private final DirectMessages messages;

	private final ConnectionQuotas quotas;

	private final ChatMetrics metrics;

	DirectMessageController(DirectMessages messages, ConnectionQuotas quotas, ChatMetrics metrics) {
		this.messages = messages;
		this.quotas = quotas;
		this.metrics = metrics;
	}

	/** A refusal names the message's {@code clientMsgId}, if it has one. */
	@MessageMapping(Destinations.DM)
	void send(@Payload DirectMessageCommand command, @Header(SESSION_ID) String sessionId) {
		try {
			if (!this.quotas.tryAcquire(sessionId, Action.SEND)) {
				throw ChatException.rateLimited("Slow down: this message was not sent.",
						this.quotas.retryAfterMillis(sessionId, Action.SEND));
			}
			this.messages.send(sessionId, command.to(), command.text(), command.image(), command.clientMsgId());
		}
		catch (ChatException ex) {
			throw ex.about(command.clientMsgId());
		}
		this.metrics.directMessageReceived();
	}

	@MessageMapping(Destinations.CONVERSATIONS)
	void conversations(@Header(SESSION_ID) String sessionId) {
		acquire(sessionId, Action.LOOKUP, "Too many requests; wait a moment and try again.");
		this.messages.conversations(sessionId);
	}

	@MessageMapping(Destinations.DM_HISTORY)
	void history(@Payload DirectHistoryCommand command, @Header(SESSION_ID) String sessionId) {
		acquire(sessionId, Action.LOOKUP, "Too many requests; wait a moment and try again.");
		this.messages.history(sessionId, command.with(), command.before(), command.since(), command.limit());
	}

	@MessageMapping(Destinations.DM_READ)
	void read(@Payload DirectReadCommand command, @Header(SESSION_ID) String sessionId) {
		acquire(sessionId, Action.LOOKUP, "Too many requests; wait a moment and try again.");
		this.messages.read(sessionId, command.with(), command.id());
	}

	@MessageMapping(Destinations.BLOCK)
	void block(@Payload BlockCommand command, @Header(SESSION_ID) String sessionId) {
		acquire(sessionId, Action.LOOKUP, "Too many requests; wait a moment and try again.");
		this.messages.block(sessionId, command.user(), command.blocked());
	}

	private void acquire(String sessionId, Action action, String message) {
		if (!this.quotas.tryAcquire(sessionId, action)) {
			throw new ChatException(ErrorCode.RATE_LIMITED, message);
		}
	}

}
