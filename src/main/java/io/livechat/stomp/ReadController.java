package io.livechat.stomp;

import io.livechat.chat.ChatException;
import io.livechat.chat.ErrorCode;
import io.livechat.reads.ReadReceipts;
import io.livechat.stomp.ConnectionQuotas.Action;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Controller;

/**
 * The read-position commands of the wire contract, handed to {@link ReadReceipts}: reads beyond
 * their limit are dropped silently (the next carries a newer id anyway); a settings change
 * draws on the lookup limit. Refusals go back to the sending connection only ({@link CommandErrors}).
 */
@Controller
class ReadController {

	private static final String SESSION_ID = SimpMessageHeaderAccessor.SESSION_ID_HEADER;

	private final ReadReceipts receipts;

	private final ConnectionQuotas quotas;

	ReadController(ReadReceipts receipts, ConnectionQuotas quotas) {
		this.receipts = receipts;
		this.quotas = quotas;
	}

	@MessageMapping(Destinations.READ)
	void read(@Payload ReadCommand command, @Header(SESSION_ID) String sessionId) {
		if (this.quotas.tryAcquire(sessionId, Action.READ)) {
			this.receipts.read(sessionId, command.room(), command.id());
		}
	}

	@MessageMapping(Destinations.PREFERENCES)
	void preferences(@Payload PreferencesCommand command, @Header(SESSION_ID) String sessionId) {
		if (!this.quotas.tryAcquire(sessionId, Action.LOOKUP)) {
			throw new ChatException(ErrorCode.RATE_LIMITED, "Too many requests; wait a moment and try again.");
		}
		this.receipts.setReceipts(sessionId, command.readReceipts());
	}

}
