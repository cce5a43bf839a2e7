package io.livechat.stomp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompConversionException;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * Turns a frame Spring could not parse or accept (garbage, a frame over the size limit, a
 * second CONNECT, a SEND before CONNECT) into a short STOMP ERROR frame, one WARN line without
 * a stack trace, and a count in the metrics. Spring then closes that connection; others are not
 * affected.
 */
class StompErrorReporter extends StompSubProtocolErrorHandler {

	private static final Logger logger = LoggerFactory.getLogger(StompErrorReporter.class);

	private static final int MAX_LOGGED = 120;

	private final ChatMetrics metrics;

	StompErrorReporter(ChatMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public Message<byte[]> handleClientMessageProcessingError(Message<byte[]> clientMessage, Throwable ex) {
		String reason = isTooLarge(ex) ? "too-large" : "malformed";
		this.metrics.rejected(reason);
		logger.warn("Refused a client frame ({}): {}", reason, printable(ex.getMessage()));
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		error.setMessage(reason.equals("too-large") ? "Frame too large" : "Malformed or unexpected frame");
		error.setLeaveMutable(true);
		return MessageBuilder.createMessage(new byte[0], error.getMessageHeaders());
	}

	/**
	 * The reason as one short line: the message may quote what the client sent, which must not
	 * forge log lines or fill the log.
	 */
	static String printable(String message) {
		if (message == null) {
			return "";
		}
		String line = message.codePoints()
			.map((c) -> Character.isISOControl(c) ? '?' : c)
			.limit(MAX_LOGGED)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return (message.length() > line.length()) ? line + "..." : line;
	}

	private static boolean isTooLarge(Throwable ex) {
		return ex instanceof StompConversionException && ex.getMessage() != null
				&& ex.getMessage().contains("limit");
	}

}
