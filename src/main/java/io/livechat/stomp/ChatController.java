package io.livechat.stomp;

import io.livechat.chat.ChatException;
import io.livechat.chat.ErrorCode;
import io.livechat.chat.ImageClaims;
import io.livechat.chat.MessageImage;
import io.livechat.chat.RoomRegistry;
import io.livechat.chat.Username;
import io.livechat.direct.DirectMessages;
import io.livechat.people.Person;
import io.livechat.people.PublicIds;
import io.livechat.stomp.ConnectionQuotas.Action;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Controller;

/**
 * The rooms' {@code /app/*} commands of the wire contract. Each checks the rate limits (the
 * connection's, its person's, its address's) and hands over to the {@link RoomRegistry};
 * refusals go back to the sending connection only ({@link CommandErrors}). A join also gives the
 * connection its person for {@link DirectMessages}.
 */
@Controller
class ChatController {

	private static final String SESSION_ID = SimpMessageHeaderAccessor.SESSION_ID_HEADER;

	private final RoomRegistry rooms;

	private final ConnectionQuotas quotas;

	private final DirectMessages directMessages;

	private final PublicIds publicIds;

	private final ChatMetrics metrics;

	private final ImageClaims images;

	ChatController(RoomRegistry rooms, ConnectionQuotas quotas, DirectMessages directMessages, PublicIds publicIds,
			ChatMetrics metrics, ImageClaims images) {
		this.images = images;
		this.rooms = rooms;
		this.quotas = quotas;
		this.directMessages = directMessages;
		this.publicIds = publicIds;
		this.metrics = metrics;
	}

	@MessageMapping(Destinations.JOIN)
	void join(@Payload JoinCommand command, @Header(SESSION_ID) String sessionId) {
		this.quotas.identify(sessionId, command.clientId());
		acquire(sessionId, Action.JOIN, "Too many joins; wait a moment and try again.");
		if (this.rooms.join(sessionId, command.username(), command.clientId(), command.room(), command.since())) {
			this.metrics.joined();
			Person person = new Person(this.publicIds.of(command.clientId()), Username.parse(command.username()).value());
			this.directMessages.joined(sessionId, person);
		}
	}

	@MessageMapping(Destinations.LEAVE)
	void leave(@Payload LeaveCommand command, @Header(SESSION_ID) String sessionId) {
		this.rooms.leave(sessionId, command.room());
	}

	/** A refusal names the message's {@code clientMsgId}, if it has one. */
	@MessageMapping(Destinations.SEND)
	void send(@Payload SendCommand command, @Header(SESSION_ID) String sessionId) {
		try {
			acquireSend(sessionId);
			if (command.image() == null) {
				this.rooms.send(sessionId, command.room(), command.text(), null, command.clientMsgId());
			}
			else {
				sendImage(sessionId, command);
			}
		}
		catch (ChatException ex) {
			throw ex.about(command.clientMsgId());
		}
		this.metrics.messageReceived();
	}

	/** The sender's upload, claimed for the room (I/O, no lock held); given back if the send is refused. */
	private void sendImage(String sessionId, SendCommand command) {
		String owner = this.publicIds.of(this.rooms.clientIdIn(sessionId, command.room()));
		MessageImage image = this.images.claim(command.image(), owner, ImageClaims.room(command.room()),
				command.clientMsgId());
		try {
			this.rooms.send(sessionId, command.room(), command.text(), image, command.clientMsgId());
		}
		catch (ChatException ex) {
			this.images.release(image.id(), owner);
			throw ex;
		}
	}

	@MessageMapping(Destinations.TYPING)
	void typing(@Payload TypingCommand command, @Header(SESSION_ID) String sessionId) {
		if (this.quotas.tryAcquire(sessionId, Action.TYPING)) {
			this.rooms.typing(sessionId, command.room(), command.typing());
		}
	}

	private void acquireSend(String sessionId) {
		if (!this.quotas.tryAcquire(sessionId, Action.SEND)) {
			throw ChatException.rateLimited("Slow down: this message was not sent.",
					this.quotas.retryAfterMillis(sessionId, Action.SEND));
		}
	}

	private void acquire(String sessionId, Action action, String message) {
		if (!this.quotas.tryAcquire(sessionId, action)) {
			throw new ChatException(ErrorCode.RATE_LIMITED, message);
		}
	}

}
